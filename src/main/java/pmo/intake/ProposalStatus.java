package pmo.intake;

public enum ProposalStatus {
  SUBMITTED, SENT_BACK, SCREENED, APPROVED, REJECTED
}
