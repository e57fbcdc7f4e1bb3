package pmo.improvement.proposal;

import pmo.platform.AuditAction;

/**
 * What the audit trail records about improvement proposals (entity type {@code IMPROVEMENT_PROPOSAL}) and their
 * recognition (entity type {@code RECOGNITION}); the names are stored.
 */
enum ImprovementAudit implements AuditAction {
  PROPOSAL_SUBMITTED, PROPOSAL_REVISED, PROPOSAL_ACCEPTED, PROPOSAL_REJECTED, PROPOSAL_MORE_INFO_REQUESTED,
  PROPOSAL_IMPLEMENTED, PROPOSAL_VERIFIED, PROPOSAL_NOT_VERIFIED,
  /** The implementation is due soon: the implementer was reminded. */
  PROPOSAL_IMPLEMENTATION_REMINDED,
  /** The implementation was not done by its due date: escalated to the PMO. */
  PROPOSAL_IMPLEMENTATION_ESCALATED,
  /** Points for the proposer of an accepted or verified proposal. */
  RECOGNITION_AWARDED("RECOGNITION");

  private final String entityType;

  ImprovementAudit() {
    this(ProposalService.ENTITY);
  }

  ImprovementAudit(String entityType) {
    this.entityType = entityType;
  }

  @Override
  public String entityType() {
    return entityType;
  }
}
