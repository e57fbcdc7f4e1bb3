package pmo.risk;

import pmo.platform.Choice;

/**
 * The level of a risk; which score makes which level is the decision table processes/risk-level.dmn, whose output (and
 * the variable {@code riskLevel}, which risk-escalation-level.dmn reads) is the constant's name.
 */
public enum RiskLevel implements Choice {
  LOW, MEDIUM, HIGH, CRITICAL;

  /** The decision table's output: the name. */
  @Override
  public String value() {
    return name();
  }
}
