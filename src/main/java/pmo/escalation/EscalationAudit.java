package pmo.escalation;

import pmo.platform.AuditAction;

/** What the audit trail records about escalation records (entity type {@code ESCALATION}). */
public enum EscalationAudit implements AuditAction {
  ESCALATION_RECORDED;

  public static final String ENTITY = "ESCALATION";

  @Override
  public String entityType() {
    return ENTITY;
  }
}
