package pmo.improvement.standard;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pmo.improvement.standards-review.*} (config/application.yaml): when the standards review starts by itself
 * ({@code cycle}: a cron expression with seconds, yearly on 15 January at 08:00 by default; the PMO can also start one
 * by hand) and how many open improvement proposals each process owner is shown per process ({@code proposals-shown}).
 */
@ConfigurationProperties("pmo.improvement.standards-review")
record StandardsReviewSettings(String cycle, Integer proposalsShown) {

  StandardsReviewSettings {
    cycle = cycle == null || cycle.isBlank() ? "0 0 8 15 1 ?" : cycle.trim();
    proposalsShown = proposalsShown == null ? 10 : proposalsShown;
    if (cycle.split("\\s+").length < 6) {
      throw new IllegalStateException("pmo.improvement.standards-review.cycle must be a cron expression with seconds,"
          + " such as '0 0 8 15 1 ?', not '" + cycle + "'");
    }
    if (proposalsShown < 0 || proposalsShown > 100) {
      throw new IllegalStateException("pmo.improvement.standards-review.proposals-shown must be 0 to 100");
    }
  }
}
