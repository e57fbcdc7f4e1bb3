package pmo.change;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The deadlines of the approval tasks from configuration ({@code pmo.change.reminder-after},
 * {@code pmo.change.escalate-after}, ISO-8601 durations such as P3D or PT12H). The timers of the BPMN read them:
 * {@code ${changeDeadlines.reminderAfter()}}. A value that is not a duration stops the start.
 */
@Component("changeDeadlines")
public class ChangeDeadlines {

  private final String reminderAfter;
  private final String escalateAfter;

  ChangeDeadlines(@Value("${pmo.change.reminder-after:P3D}") String reminderAfter,
      @Value("${pmo.change.escalate-after:P5D}") String escalateAfter) {
    this.reminderAfter = checked("pmo.change.reminder-after", reminderAfter);
    this.escalateAfter = checked("pmo.change.escalate-after", escalateAfter);
  }

  /** How long an approval task may wait before its approvers are reminded. */
  public String reminderAfter() {
    return reminderAfter;
  }

  /** How long an approval task may wait before it is escalated to the PMO. */
  public String escalateAfter() {
    return escalateAfter;
  }

  private static String checked(String property, String value) {
    String text = value == null ? "" : value.trim();
    try {
      Duration.parse(text);
      return text;
    } catch (DateTimeParseException notATime) {
      try {
        Period.parse(text);
        return text;
      } catch (DateTimeParseException e) {
        throw new IllegalStateException(property + " must be an ISO-8601 duration such as P3D, not '" + value + "'");
      }
    }
  }
}
