package pmo.improvement.proposal;

/**
 * Where a proposal is: SUBMITTED (waits for the PMO), MORE_INFO (back with the proposer), ACCEPTED (being
 * implemented), REJECTED, IMPLEMENTED (the PMO verifies the benefit), VERIFIED (benefit confirmed), NOT_VERIFIED
 * (implemented, benefit not shown), CANCELLED.
 */
public enum ProposalStatus {
  SUBMITTED, MORE_INFO, ACCEPTED, REJECTED, IMPLEMENTED, VERIFIED, NOT_VERIFIED, CANCELLED;

  /** Still open: not decided for good. */
  public boolean isOpen() {
    return this == SUBMITTED || this == MORE_INFO || this == ACCEPTED || this == IMPLEMENTED;
  }
}
