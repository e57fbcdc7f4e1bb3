package pmo.risk;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pmo.risk.*} (config/application.yaml): the risk categories (the start form offers the same list), the
 * probability scale as fractions for the exposure (EMV = fraction × monetary impact), how long after a response's due
 * date the owner may report the residual assessment before the risk escalates, and how long the PMO and the steering
 * committee have to decide on an escalated risk. Durations are ISO-8601 ({@code P5D}).
 */
@ConfigurationProperties("pmo.risk")
public record RiskSettings(List<String> categories, List<BigDecimal> probabilityFractions,
    Duration residualReportGrace, Escalation escalation) {

  public RiskSettings {
    categories = categories == null || categories.isEmpty()
        ? List.of("TECHNICAL", "SCHEDULE", "COST", "RESOURCES", "SUPPLIER", "REGULATORY", "SECURITY", "EXTERNAL")
        : List.copyOf(categories);
    probabilityFractions = probabilityFractions == null || probabilityFractions.isEmpty()
        ? List.of(new BigDecimal("0.1"), new BigDecimal("0.3"), new BigDecimal("0.5"), new BigDecimal("0.7"),
            new BigDecimal("0.9"))
        : List.copyOf(probabilityFractions);
    if (probabilityFractions.size() != 5) {
      throw new IllegalStateException("pmo.risk.probability-fractions needs 5 values, one per probability 1-5");
    }
    residualReportGrace = residualReportGrace == null ? Duration.ofDays(2) : residualReportGrace;
    escalation = escalation == null ? new Escalation(null, null) : escalation;
  }

  /** Probability 1–5 as a fraction. */
  public BigDecimal fraction(int probability) {
    return probabilityFractions.get(probability - 1);
  }

  /** {@code pmoReview}: time the PMO has for an escalated risk; {@code steeringDecision}: the steering committee's. */
  public record Escalation(Duration pmoReview, Duration steeringDecision) {

    public Escalation {
      pmoReview = pmoReview == null ? Duration.ofDays(5) : pmoReview;
      steeringDecision = steeringDecision == null ? Duration.ofDays(10) : steeringDecision;
    }

    public Duration respondWithin(int level) {
      return level >= 2 ? steeringDecision : pmoReview;
    }
  }
}
