package pmo.mycases;

/**
 * The kinds of case a member of staff raises or owns, each read from its capability's table by the columns every case
 * table keeps ({@code id}, {@code title}, {@code status}, {@code project_id}, {@code process_instance_id},
 * {@code created_at}) and the columns that name its people. The reference is the one the capability gives the case
 * (its process's business key).
 */
enum CaseKind {
  CHANGE_REQUEST("change request", "change_request", "CR-", "requester", null, "/api/change-requests/"),
  RISK("risk", "risk", "R-", "raised_by", "owner", "/api/risks/"),
  ISSUE("issue", "issue", "I-", "raised_by", "owner", "/api/issues/"),
  PROJECT_PROPOSAL("project proposal", "project_proposal", "PRP-", "requester", null, null),
  IMPROVEMENT_PROPOSAL("improvement proposal", "improvement_proposal", "IP-", "proposer", null, null);

  final String label;
  final String table;
  final String referencePrefix;
  /** The column of the person who raised it. */
  final String raisedBy;
  /** The column of its owner, or null. */
  final String owner;
  /** The REST path of one case, its id appended; null when there is none. */
  final String apiPath;

  CaseKind(String label, String table, String referencePrefix, String raisedBy, String owner, String apiPath) {
    this.label = label;
    this.table = table;
    this.referencePrefix = referencePrefix;
    this.raisedBy = raisedBy;
    this.owner = owner;
    this.apiPath = apiPath;
  }
}
