package pmo.intake;

import pmo.platform.AuditAction;

/** What happens to a project proposal, as the audit trail names it. */
enum IntakeAudit implements AuditAction {
  PROPOSAL_SUBMITTED("PROJECT_PROPOSAL"),
  PROPOSAL_REVISED("PROJECT_PROPOSAL"),
  PROPOSAL_SCREENED("PROJECT_PROPOSAL"),
  PROPOSAL_APPROVED("PROJECT_PROPOSAL"),
  PROPOSAL_REJECTED("PROJECT_PROPOSAL"),
  PROPOSAL_REGISTERED("PROJECT_PROPOSAL");

  private final String entityType;

  IntakeAudit(String entityType) {
    this.entityType = entityType;
  }

  @Override
  public String entityType() {
    return entityType;
  }
}
