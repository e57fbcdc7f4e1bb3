package pmo.risk;

/** The level of a risk; which score makes which level is the decision table processes/risk-level.dmn. */
public enum RiskLevel {
  LOW, MEDIUM, HIGH, CRITICAL
}
