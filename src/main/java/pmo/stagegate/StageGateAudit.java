package pmo.stagegate;

import pmo.platform.AuditAction;

/** What happens in a project's lifecycle and its gate reviews, as the audit trail names it. */
enum StageGateAudit implements AuditAction {
  LIFECYCLE_STARTED("PROJECT_LIFECYCLE"),
  POST_PROJECT_REVIEWED("POST_PROJECT_REVIEW"),
  GATE_PACKAGE_SUBMITTED("GATE_PACKAGE"),
  GATE_CHECKED("GATE_CHECK"),
  GATE_DECIDED("GATE_DECISION");

  private final String entityType;

  StageGateAudit(String entityType) {
    this.entityType = entityType;
  }

  @Override
  public String entityType() {
    return entityType;
  }
}
