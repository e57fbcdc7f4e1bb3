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
  SCENARIO_COMMITTED("PORTFOLIO_SCENARIO");

  private final String entityType;

  PortfolioAudit(String entityType) {
    this.entityType = entityType;
  }

  @Override
  public String entityType() {
    return entityType;
  }
}
