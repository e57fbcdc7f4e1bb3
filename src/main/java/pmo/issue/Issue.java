package pmo.issue;

import java.time.OffsetDateTime;

/** An issue of a project: something that has happened and needs resolving within the SLA of its severity. */
public record Issue(
    long id,
    long projectId,
    String title,
    String description,
    IssueSeverity severity,
    String owner,
    String raisedBy,
    Long raisedFromRiskId,
    OffsetDateTime dueAt,
    IssueStatus status,
    int escalationLevel,
    String triagedBy,
    String changeDescription,
    OffsetDateTime changeRequestedAt,
    String resolution,
    String resolvedBy,
    OffsetDateTime resolvedAt,
    String processInstanceId,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    int rowVersion) {

  /** How Tasklist and people name it: {@code I-3}. */
  public String code() {
    return "I-" + id;
  }
}
