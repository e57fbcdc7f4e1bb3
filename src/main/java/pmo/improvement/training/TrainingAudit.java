package pmo.improvement.training;

import pmo.platform.AuditAction;

/** What the audit trail records about training (entity type {@code TRAINING_COMPLETION}); the names are stored. */
enum TrainingAudit implements AuditAction {
  TRAINING_COMPLETION_RECORDED,
  /** Its holder was reminded that it expires soon. */
  TRAINING_EXPIRY_REMINDED;

  static final String ENTITY = "TRAINING_COMPLETION";

  @Override
  public String entityType() {
    return ENTITY;
  }
}
