package pmo.change;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pmo.change.*} (config/application.yaml): how long an approval task may wait before its approvers are
 * reminded ({@code reminder-after}) and before it is escalated to the PMO ({@code escalate-after}). ISO-8601 durations
 * ({@code P3D}, {@code PT12H}); the defaults below apply when a value is missing, and a value that is not a duration
 * stops the start.
 */
@ConfigurationProperties("pmo.change")
public record ChangeSettings(Duration reminderAfter, Duration escalateAfter) {

  public ChangeSettings {
    reminderAfter = reminderAfter == null ? Duration.ofDays(3) : reminderAfter;
    escalateAfter = escalateAfter == null ? Duration.ofDays(5) : escalateAfter;
    if (reminderAfter.isNegative() || reminderAfter.isZero() || escalateAfter.isNegative() || escalateAfter.isZero()) {
      throw new IllegalStateException("pmo.change.reminder-after and pmo.change.escalate-after must be positive");
    }
  }
}
