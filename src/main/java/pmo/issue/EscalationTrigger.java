package pmo.issue;

import java.util.Arrays;

/**
 * Why an issue escalates; each escalation step of issue-escalation.bpmn names its trigger (and where it escalates to)
 * as input parameters. The trigger decides the rule, the missed deadline and the reason of the escalation record.
 */
enum EscalationTrigger {
  /** The SLA of the issue's severity passed before it was resolved. */
  SLA_BREACHED("sla-breached"),
  /** The PMO did not act on the escalated issue in time. */
  PMO_DEADLINE_PASSED("pmo-deadline-passed"),
  /** The PMO decided to escalate further. */
  PMO_ESCALATED("pmo-escalated");

  final String value;

  EscalationTrigger(String value) {
    this.value = value;
  }

  static EscalationTrigger of(String value) {
    return Arrays.stream(values()).filter(t -> t.value.equals(value)).findFirst()
        .orElseThrow(() -> new IllegalStateException("unknown escalation trigger '" + value
            + "' in the process model"));
  }
}
