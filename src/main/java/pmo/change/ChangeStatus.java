package pmo.change;

import java.util.Set;

/**
 * SUBMITTED (waiting for the impact assessment) → IN_APPROVAL (routed) → APPROVED (new baseline written) →
 * IMPLEMENTED → CLOSED (verified); or REJECTED; REWORK while the requester revises; CANCELLED with its project.
 */
public enum ChangeStatus {
  SUBMITTED, IN_APPROVAL, REWORK, APPROVED, REJECTED, IMPLEMENTED, CLOSED, CANCELLED;

  static final Set<ChangeStatus> FINISHED = Set.of(REJECTED, CLOSED, CANCELLED);

  boolean isOpen() {
    return !FINISHED.contains(this);
  }
}
