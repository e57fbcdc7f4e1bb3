package pmo.improvement.analytics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pmo.improvement.analytics.*} (config/application.yaml): how often the indexer adds the started and ended
 * process instances to the figures ({@code index-interval}, ISO-8601 or {@code 5s}) and how many it reads per
 * transaction ({@code batch-size}).
 */
@ConfigurationProperties("pmo.improvement.analytics")
record AnalyticsSettings(Duration indexInterval, Integer batchSize) {

  AnalyticsSettings {
    indexInterval = indexInterval == null ? Duration.ofSeconds(5) : indexInterval;
    batchSize = batchSize == null ? 200 : batchSize;
    if (indexInterval.isNegative() || indexInterval.isZero()) {
      throw new IllegalStateException("pmo.improvement.analytics.index-interval must be positive");
    }
    if (batchSize < 1 || batchSize > 5000) {
      throw new IllegalStateException("pmo.improvement.analytics.batch-size must be 1 to 5000");
    }
  }
}
