package pmo.issue;

import java.util.List;

/** OPEN (raised), TRIAGED, ESCALATED are open; RESOLVED, CLOSED (by the steering committee), CANCELLED are not. */
public enum IssueStatus {
  OPEN, TRIAGED, ESCALATED, RESOLVED, CLOSED, CANCELLED;

  public static final List<IssueStatus> OPEN_STATUSES = List.of(OPEN, TRIAGED, ESCALATED);

  public boolean isOpen() {
    return OPEN_STATUSES.contains(this);
  }
}
