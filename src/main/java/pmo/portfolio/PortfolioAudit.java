package pmo.portfolio;

import pmo.platform.AuditAction;

/** What the audit trail records of the portfolio capability. */
public enum PortfolioAudit implements AuditAction {
  SCORED("PORTFOLIO_SCORE"),
  WEIGHTS_DERIVED("PORTFOLIO_WEIGHTING"),
  CAPACITY_SET("PORTFOLIO_CAPACITY"),
  ALLOCATIONS_SET("PORTFOLIO_ALLOCATION"),
  SCENARIO_SAVED("PORTFOLIO_SCENARIO"),
  SCENARIO_RERUN("PORTFOLIO_SCENARIO"),
  SCENARIO_COMMITTED("PORTFOLIO_SCENARIO"),
  REVIEW_OPENED("PORTFOLIO_REVIEW"),
  REVIEW_SKIPPED("PORTFOLIO_REVIEW"),
  REVIEW_PROPOSED("PORTFOLIO_REVIEW"),
  REVIEW_SENT_BACK("PORTFOLIO_REVIEW"),
  REVIEW_APPROVED("PORTFOLIO_REVIEW"),
  REVIEW_DECISION_APPLIED("PORTFOLIO_REVIEW_DECISION"),
  REVIEW_CLOSED("PORTFOLIO_REVIEW");

  private final String entityType;

  PortfolioAudit(String entityType) {
    this.entityType = entityType;
  }

  @Override
  public String entityType() {
    return entityType;
  }
}
