package pmo.issue;

/**
 * Published (synchronously, inside the transaction of the issue process step "Request change") when triage finds
 * that an issue needs a change to scope, time or cost; recorded on the issue (change_requested_at, audit
 * ISSUE_CHANGE_REQUESTED). The change-request capability ({@code pmo.change.ChangeRequestsFromIssues}) raises a change
 * request for the project in the same transaction.
 */
public record ChangeNeeded(long projectId, long issueId, String title, String description, String requester) {
}
