package pmo.change;

import pmo.platform.AuditAction;

/** What the audit trail records about change requests (entity type {@code CHANGE_REQUEST}); the names are stored. */
public enum ChangeAudit implements AuditAction {
  CHANGE_REQUEST_RAISED, CHANGE_REQUEST_ASSESSED, CHANGE_REQUEST_REVISED, CHANGE_REQUEST_CANCELLED,
  CHANGE_REQUEST_ROUTED, CHANGE_REQUEST_PRE_APPROVED,
  /** One approval decision (PMO, steering committee, expedited, retrospective review), with its task. */
  CHANGE_APPROVAL_RECORDED,
  /** One board member's vote, with its task. */
  CHANGE_VOTE_RECORDED,
  CHANGE_REQUEST_APPROVED, CHANGE_REQUEST_REJECTED, CHANGE_REQUEST_SENT_BACK, CHANGE_REQUEST_REBASELINED,
  CHANGE_REQUEST_IMPLEMENTED, CHANGE_REQUEST_CLOSED, CHANGE_REQUEST_REOPENED,
  /** An approval task waited past pmo.change.reminder-after: its approvers were reminded. */
  CHANGE_REQUEST_REMINDED,
  /** An approval task waited past pmo.change.escalate-after: it was escalated to the PMO. */
  CHANGE_REQUEST_ESCALATED;

  @Override
  public String entityType() {
    return ChangeRequestService.ENTITY;
  }
}
