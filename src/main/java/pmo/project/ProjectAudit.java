package pmo.project;

import pmo.platform.AuditAction;

/** What happens to a project and its baselines, as the audit trail names it. */
enum ProjectAudit implements AuditAction {
  PROJECT_REGISTERED("PROJECT"),
  BASELINE_CREATED("PROJECT_BASELINE"),
  PROJECT_REBASELINED("PROJECT"),
  PROJECT_STAGE_CHANGED("PROJECT"),
  PROJECT_CANCELLED("PROJECT"),
  PROJECT_PUT_ON_HOLD("PROJECT"),
  PROJECT_RESUMED("PROJECT"),
  PROJECT_CLOSED("PROJECT"),
  PROJECT_RAG_CHANGED("PROJECT");

  private final String entityType;

  ProjectAudit(String entityType) {
    this.entityType = entityType;
  }

  @Override
  public String entityType() {
    return entityType;
  }
}
