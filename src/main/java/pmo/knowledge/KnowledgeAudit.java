package pmo.knowledge;

import pmo.platform.AuditAction;

/** What happens to the knowledge base, as the audit trail names it. */
enum KnowledgeAudit implements AuditAction {
  LESSON_RECORDED("LESSON");

  private final String entityType;

  KnowledgeAudit(String entityType) {
    this.entityType = entityType;
  }

  @Override
  public String entityType() {
    return entityType;
  }
}
