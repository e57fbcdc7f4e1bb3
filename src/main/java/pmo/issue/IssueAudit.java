package pmo.issue;

import pmo.platform.AuditAction;

/** What the audit trail records about issues (entity type {@code ISSUE}); the names are stored. */
public enum IssueAudit implements AuditAction {
  ISSUE_RAISED, ISSUE_TRIAGED, ISSUE_CHANGE_REQUESTED, ISSUE_RESOLVED, ISSUE_ESCALATED, ISSUE_REASSIGNED,
  /** Closed by the steering committee. */
  ISSUE_CLOSED,
  ISSUE_CANCELLED;

  @Override
  public String entityType() {
    return IssueService.ENTITY;
  }
}
