package pmo.notice;

import pmo.platform.AuditAction;

/** What happens to a notice in the outbox, as the audit trail names it. */
enum NoticeAudit implements AuditAction {
  NOTICE_QUEUED("NOTICE"),
  NOTICE_SEND_FAILED("NOTICE"),
  NOTICE_SENT("NOTICE");

  private final String entityType;

  NoticeAudit(String entityType) {
    this.entityType = entityType;
  }

  @Override
  public String entityType() {
    return entityType;
  }
}
