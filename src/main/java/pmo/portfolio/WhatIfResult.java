package pmo.portfolio;

import java.math.BigDecimal;
import java.util.List;
import pmo.portfolio.selection.Cause;
import pmo.portfolio.selection.FrontierPoint;

/**
 * The answer of a what-if: what it ran on, the optimal selection with its objective (or the best found within the time
 * limit with its gap), the greedy-by-score choice beside it, why each candidate was left out, budget and capacity use,
 * and the efficient frontier when asked.
 */
public record WhatIfResult(String status, String from, String to, BigDecimal budgetCeiling, String modelVersion,
    List<CandidateView> candidates, List<String> chosen, double objective, double bound, double gap, long millis,
    List<String> greedyChosen, double greedyObjective, List<LeftOut> leftOut, List<String> infeasibility,
    List<BudgetUse> budget, List<RoleUse> capacity, List<FrontierPoint> frontier) {

  /** A candidate as the what-if saw it: its score, its cost in each budget year and its FTE-months. */
  public record CandidateView(String reference, String name, String kind, double score, boolean scored,
      List<Double> costByYear, double fteMonths, String pin, boolean chosen) {
  }

  /** A candidate left out and every constraint that keeps it out, the main one first. */
  public record LeftOut(String reference, String name, String reason, List<Cause> causes) {
  }

  public record BudgetUse(String year, double ceiling, double used, double greedyUsed) {
  }

  /** A role over the horizon: FTE-months available and used by the selection, the fullest month's utilisation. */
  public record RoleUse(String role, double capacityFteMonths, double usedFteMonths, double peakUtilisation,
      String peakMonth) {
  }
}
