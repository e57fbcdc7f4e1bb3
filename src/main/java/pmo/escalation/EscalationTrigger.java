package pmo.escalation;

import pmo.platform.Choice;

/**
 * Why a case escalates, for every process: the model gives it to the escalation step as the variable
 * {@code escalationTrigger}, in the form {@link #value()} (which processes/risk-escalation-level.dmn also reads); the
 * escalation table stores the name. The trigger decides the kind of the record and, with the case, the missed
 * deadline and the reason.
 */
public enum EscalationTrigger implements Choice {
  /** A risk is still high or critical after its response (risk-escalation.bpmn). */
  RESIDUAL("residual"),
  /** A risk's owner did not report the residual assessment in time. */
  REPORT_OVERDUE("report-overdue"),
  /** The PMO did not decide on an escalated risk in time. */
  REVIEW_OVERDUE("review-overdue"),
  /** The PMO decided to escalate further (risks and issues). */
  PMO_ESCALATED("pmo-escalated"),
  /** An issue was not resolved within the SLA of its severity (issue-escalation.bpmn). */
  SLA_BREACHED("sla-breached"),
  /** The PMO did not act on an escalated issue in time. */
  PMO_DEADLINE_PASSED("pmo-deadline-passed"),
  /** An approval task of a change request waited past the reminder period (change-request.bpmn). */
  APPROVAL_REMINDER("approval-reminder", EscalationKind.REMINDER),
  /** An approval task of a change request waited past the escalation period. */
  APPROVAL_OVERDUE("approval-overdue"),
  /** An accepted improvement proposal's implementation is due soon (improvement-proposal.bpmn). */
  IMPLEMENTATION_REMINDER("implementation-reminder", EscalationKind.REMINDER),
  /** An accepted improvement proposal was not implemented by its due date. */
  IMPLEMENTATION_OVERDUE("implementation-overdue"),
  /** A status report was not submitted by its reminder date (status-report.bpmn): its project manager is reminded. */
  STATUS_REPORT_REMINDER("status-report-reminder", EscalationKind.REMINDER),
  /** A status report was still not submitted by its escalation date: it goes to the PMO. */
  STATUS_REPORT_OVERDUE("status-report-overdue");

  private final String value;
  private final EscalationKind kind;

  EscalationTrigger(String value) {
    this(value, EscalationKind.ESCALATION);
  }

  EscalationTrigger(String value, EscalationKind kind) {
    this.value = value;
    this.kind = kind;
  }

  /** As the models write it, e.g. {@code sla-breached}. */
  @Override
  public String value() {
    return value;
  }

  public EscalationKind kind() {
    return kind;
  }
}
