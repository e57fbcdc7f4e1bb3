package pmo.portfolio;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A what-if: the annual budget ceiling, the horizon (first month yyyy-MM, default this month; months, default 12), the
 * candidates by reference (default: every running project and every proposal in intake), pins (reference → in or
 * out), dependencies, whether to compute the efficient frontier, and a name when it is saved as a scenario.
 */
public record WhatIfRequest(String name, BigDecimal budgetCeiling, String from, Integer months, List<String> candidates,
    Map<String, String> pins, List<DependencyInput> dependencies, Boolean frontier) {

  /** {@code project} requires {@code requires}, or excludes {@code excludes} (one of the two). */
  public record DependencyInput(String project, String requires, String excludes) {
  }
}
