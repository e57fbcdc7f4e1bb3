package pmo.change;

import org.springframework.stereotype.Component;
import pmo.platform.Durations;

/**
 * The deadlines of the approval tasks ({@link ChangeSettings}) as the timers of change-request.bpmn read them:
 * {@code ${changeDeadlines.reminderAfter()}}, an ISO-8601 duration such as P3D.
 */
@Component("changeDeadlines")
public class ChangeDeadlines {

  private final ChangeSettings settings;

  ChangeDeadlines(ChangeSettings settings) {
    this.settings = settings;
  }

  /** How long an approval task may wait before its approvers are reminded. */
  public String reminderAfter() {
    return Durations.iso(settings.reminderAfter());
  }

  /** How long an approval task may wait before it is escalated to the PMO. */
  public String escalateAfter() {
    return Durations.iso(settings.escalateAfter());
  }
}
