package pmo.risk;

import pmo.platform.AuditAction;

/** What the audit trail records about risks (entity type {@code RISK}); the names are stored. */
public enum RiskAudit implements AuditAction {
  RISK_RAISED, RISK_ASSESSED, RISK_RESPONSE_PLANNED, RISK_RESIDUAL_REPORTED, RISK_MATERIALISED, RISK_CANCELLED,
  /** The owner's residual report did not come in by its deadline (what the escalation decision is then asked). */
  RISK_REPORT_OVERDUE,
  /** The PMO did not decide on the escalated risk by its respond-by time. */
  RISK_REVIEW_OVERDUE,
  RISK_ESCALATED, RISK_CLOSED,
  RISK_PMO_ACCEPTED, RISK_PMO_NEW_RESPONSE, RISK_PMO_ESCALATED,
  RISK_STEERING_ACCEPTED, RISK_STEERING_NEW_RESPONSE;

  @Override
  public String entityType() {
    return RiskService.ENTITY;
  }

  /** The action of the PMO's or the steering committee's decision on an escalated risk. */
  static RiskAudit decided(AssessmentKind by, RiskDecision decision) {
    boolean pmo = by == AssessmentKind.PMO_DECISION;
    return switch (decision) {
      case ACCEPT -> pmo ? RISK_PMO_ACCEPTED : RISK_STEERING_ACCEPTED;
      case NEW_RESPONSE -> pmo ? RISK_PMO_NEW_RESPONSE : RISK_STEERING_NEW_RESPONSE;
      case ESCALATE -> {
        if (!pmo) {
          throw new IllegalArgumentException("the steering committee does not escalate a risk further");
        }
        yield RISK_PMO_ESCALATED;
      }
    };
  }
}
