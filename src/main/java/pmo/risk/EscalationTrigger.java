package pmo.risk;

import java.util.Arrays;

/** What happened to a risk that may escalate it: the first input of risk-escalation-level.dmn. */
enum EscalationTrigger {
  RESIDUAL("residual"), REPORT_OVERDUE("report-overdue"), REVIEW_OVERDUE("review-overdue"),
  PMO_ESCALATED("pmo-escalated");

  final String value;

  EscalationTrigger(String value) {
    this.value = value;
  }

  static EscalationTrigger of(String value) {
    return Arrays.stream(values()).filter(t -> t.value.equals(value)).findFirst()
        .orElseThrow(() -> new IllegalStateException("unknown escalation trigger '" + value + "'"));
  }
}
