package pmo.issue;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pmo.issue.*} (config/application.yaml): the SLA of each severity, the time from raising an issue to its
 * resolution, and how long the PMO and then the steering committee have to act on an escalated issue. ISO-8601
 * durations ({@code P3D}, {@code PT8H}); the defaults below apply when a value is missing.
 */
@ConfigurationProperties("pmo.issue")
public record IssueSettings(Sla sla, Escalation escalation) {

  public IssueSettings {
    sla = sla == null ? new Sla(null, null, null, null) : sla;
    escalation = escalation == null ? new Escalation(null, null) : escalation;
  }

  public record Sla(Duration low, Duration medium, Duration high, Duration critical) {

    public Sla {
      low = low == null ? Duration.ofDays(20) : low;
      medium = medium == null ? Duration.ofDays(10) : medium;
      high = high == null ? Duration.ofDays(3) : high;
      critical = critical == null ? Duration.ofHours(8) : critical;
    }

    public Duration of(IssueSeverity severity) {
      return switch (severity) {
        case LOW -> low;
        case MEDIUM -> medium;
        case HIGH -> high;
        case CRITICAL -> critical;
      };
    }
  }

  /** {@code pmoReview}: time the PMO has for an escalated issue; {@code steeringDecision}: the steering committee's. */
  public record Escalation(Duration pmoReview, Duration steeringDecision) {

    public Escalation {
      pmoReview = pmoReview == null ? Duration.ofDays(2) : pmoReview;
      steeringDecision = steeringDecision == null ? Duration.ofDays(5) : steeringDecision;
    }
  }
}
