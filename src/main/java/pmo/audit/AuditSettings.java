package pmo.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pmo.audit.*} (config/application.yaml): how often the sealer chains committed events and how many per
 * transaction, after how long an event still unsealed is reported as overdue by the verification, and how many rows
 * the CSV export reads per transaction. Durations are ISO-8601 ({@code PT0.5S}) or Spring's short form
 * ({@code 500ms}).
 */
@ConfigurationProperties("pmo.audit")
record AuditSettings(Sealing sealing, Integer exportPageSize) {

  AuditSettings {
    sealing = sealing == null ? new Sealing(null, null, null) : sealing;
    exportPageSize = exportPageSize == null ? 1_000 : exportPageSize;
    if (exportPageSize < 1) {
      throw new IllegalStateException("pmo.audit.export-page-size must be at least 1");
    }
  }

  record Sealing(Duration interval, Integer batchSize, Duration overdueAfter) {

    Sealing {
      interval = interval == null ? Duration.ofMillis(500) : interval;
      batchSize = batchSize == null ? 1_000 : batchSize;
      overdueAfter = overdueAfter == null ? Duration.ofMinutes(1) : overdueAfter;
      if (interval.isNegative() || interval.isZero() || batchSize < 1) {
        throw new IllegalStateException("pmo.audit.sealing needs a positive interval and batch-size");
      }
    }
  }
}
