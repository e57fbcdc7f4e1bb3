package pmo.portfolio;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pmo.portfolio.selection.Candidate;
import pmo.portfolio.selection.FrontierPoint;
import pmo.portfolio.selection.Limit;
import pmo.portfolio.selection.Selection;

/** Turns the optimiser's answer into the what-if's result: candidates, choice, reasons, budget and capacity use. */
final class WhatIfReport {

  private WhatIfReport() {
  }

  static WhatIfResult of(WhatIfService.Prepared prepared, Selection selection, List<FrontierPoint> frontier,
      String modelVersion) {
    var problem = prepared.problem();
    Set<String> chosen = new HashSet<>(selection.chosen());
    Set<String> greedy = new HashSet<>(selection.greedy().chosen());
    List<WhatIfResult.CandidateView> candidates = new ArrayList<>();
    for (Candidate c : problem.candidates()) {
      Ranking.Item item = prepared.data().ranked().get(c.ref());
      List<Double> costs = new ArrayList<>();
      double fte = 0;
      for (Limit limit : problem.limits()) {
        if (limit.kind() == Limit.Kind.BUDGET) {
          costs.add(round(c.uses(limit.id())));
        } else {
          fte += c.uses(limit.id());
        }
      }
      candidates.add(new WhatIfResult.CandidateView(c.ref(), c.name(), item.kind(), c.score(), item.scored(), costs,
          round(fte), c.pin().name().toLowerCase(), chosen.contains(c.ref())));
    }
    List<WhatIfResult.LeftOut> leftOut = selection.leftOut().stream()
        .map(e -> new WhatIfResult.LeftOut(e.ref(), e.name(), e.primary().text(), e.causes())).toList();
    List<WhatIfResult.BudgetUse> budget = new ArrayList<>();
    Map<String, double[]> roles = new LinkedHashMap<>();
    Map<String, String> peakMonth = new LinkedHashMap<>();
    int year = 0;
    for (Limit limit : problem.limits()) {
      double used = selection.used().getOrDefault(limit.id(), 0.0);
      if (limit.kind() == Limit.Kind.BUDGET) {
        double greedyUsed = problem.candidates().stream().filter(c -> greedy.contains(c.ref()))
            .mapToDouble(c -> c.uses(limit.id())).sum();
        budget.add(new WhatIfResult.BudgetUse(prepared.budgetYears().get(year++), round(limit.capacity()),
            round(used), round(greedyUsed)));
      } else {
        String[] parts = limit.id().split(":");
        double[] use = roles.computeIfAbsent(parts[1], r -> new double[3]);
        use[0] += limit.capacity();
        use[1] += used;
        double utilisation = limit.capacity() > 0 ? used / limit.capacity() : used > 0 ? Double.POSITIVE_INFINITY : 0;
        if (utilisation > use[2] || !peakMonth.containsKey(parts[1])) {
          use[2] = Math.max(use[2], utilisation);
          peakMonth.put(parts[1], parts[2]);
        }
      }
    }
    List<WhatIfResult.RoleUse> capacity = new ArrayList<>();
    roles.forEach((role, use) -> capacity.add(new WhatIfResult.RoleUse(role, round(use[0]), round(use[1]),
        Double.isInfinite(use[2]) ? 999 : round(use[2]), peakMonth.get(role))));
    return new WhatIfResult(selection.status().name(), prepared.from().toString(), prepared.to().toString(),
        prepared.request().budgetCeiling(), modelVersion, candidates, selection.chosen(), round(selection.objective()),
        round(selection.bound()), Math.round(selection.gap() * 10_000) / 10_000.0, selection.millis(),
        selection.greedy().chosen(), round(selection.greedy().objective()), leftOut, selection.infeasibility(), budget,
        capacity, frontier);
  }

  static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
