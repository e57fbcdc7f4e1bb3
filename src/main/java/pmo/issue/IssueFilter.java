package pmo.issue;

/** Optional filters of the issue list; null means any. {@code overdue}: open and past its resolve-by time. */
public record IssueFilter(Long projectId, IssueSeverity severity, IssueStatus status, String owner, Boolean overdue) {
}
