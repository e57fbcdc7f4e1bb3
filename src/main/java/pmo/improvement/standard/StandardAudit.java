package pmo.improvement.standard;

import pmo.platform.AuditAction;

/** What the audit trail records about standards reviews (entity type {@code STANDARDS_REVIEW}). */
enum StandardAudit implements AuditAction {
  STANDARDS_REVIEW_OPENED,
  /** A process owner reviewed one governance process (and maybe proposed a change). */
  STANDARDS_REVIEW_ITEM_REVIEWED,
  STANDARDS_REVIEW_CLOSED;

  static final String ENTITY = "STANDARDS_REVIEW";

  @Override
  public String entityType() {
    return ENTITY;
  }
}
