package pmo.risk;

import java.util.List;

/**
 * RAISED (not yet assessed), ASSESSED (level known, response to plan), MONITORING (response planned, residual
 * assessment due), ESCALATED (with the PMO or the steering committee) are open; CLOSED (residual risk within
 * tolerance), ACCEPTED (by the PMO or the steering committee), MATERIALISED (became an issue) and CANCELLED (with its
 * project) are not.
 */
public enum RiskStatus {
  RAISED, ASSESSED, MONITORING, ESCALATED, CLOSED, ACCEPTED, MATERIALISED, CANCELLED;

  public static final List<RiskStatus> OPEN_STATUSES = List.of(RAISED, ASSESSED, MONITORING, ESCALATED);

  public boolean isOpen() {
    return OPEN_STATUSES.contains(this);
  }
}
