package pmo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import pmo.portfolio.selection.Candidate;
import pmo.portfolio.selection.Limit;
import pmo.portfolio.selection.Optimiser;
import pmo.portfolio.selection.Selection;
import pmo.portfolio.selection.SelectionProblem;

/**
 * The what-if at the size issue 13 names: 500 candidates, 12 roles × 36 months of capacity and three budget years,
 * solved with the configured time limit (10 s). Prints the status, the objective, the gap to the bound and the time,
 * for the selection and for the efficient frontier (21 points sharing the limit). Pure Java, no database:
 * {@code mvn -o test-compile surefire:test@default-test -Dtest=WhatIfBenchmark}. Seeded, so runs compare.
 */
class WhatIfBenchmark {

  static final int CANDIDATES = 500;
  static final int ROLES = 12;
  static final int MONTHS = 36;

  @Test
  void fiveHundredCandidatesTwelveRolesThirtySixMonths() {
    SelectionProblem problem = problem(new Random(20261201L));
    Optimiser optimiser = new Optimiser(Duration.ofSeconds(10));
    for (int round = 1; round <= 3; round++) {
      long start = System.nanoTime();
      Selection selection = optimiser.select(problem);
      long millis = (System.nanoTime() - start) / 1_000_000;
      System.out.printf("what-if round %d: %s, %d of %d chosen, objective %.2f, bound %.2f, gap %.4f, greedy %.2f,"
          + " %d ms%n", round, selection.status(), selection.chosen().size(), CANDIDATES, selection.objective(),
          selection.bound(), selection.gap(), selection.greedy().objective(), millis);
      assertThat(selection.feasible()).isTrue();
      assertThat(selection.objective()).isGreaterThanOrEqualTo(selection.greedy().objective() - 1e-9);
    }
    long start = System.nanoTime();
    var frontier = optimiser.frontier(problem, 30_000_000, 21);
    System.out.printf("frontier: %d points in %d ms%n", frontier.size(), (System.nanoTime() - start) / 1_000_000);
  }

  /** Candidates of 0.5–3 million over one to three years, each staffing two to four roles for 6–18 months. */
  private static SelectionProblem problem(Random random) {
    List<Limit> limits = new ArrayList<>();
    for (int year = 0; year < 3; year++) {
      limits.add(new Limit("budget-" + year, Limit.Kind.BUDGET, "budget year " + year, 30_000_000));
    }
    for (int role = 0; role < ROLES; role++) {
      for (int month = 0; month < MONTHS; month++) {
        limits.add(new Limit(cell(role, month), Limit.Kind.CAPACITY, "role " + role + " month " + month, 25));
      }
    }
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < CANDIDATES; i++) {
      Map<String, Double> usage = new HashMap<>();
      int firstYear = random.nextInt(3);
      int years = 1 + random.nextInt(3 - firstYear);
      double cost = 500_000 + random.nextInt(2_500_000);
      for (int year = firstYear; year < firstYear + years; year++) {
        usage.put("budget-" + year, cost / years);
      }
      int start = random.nextInt(MONTHS - 6);
      int length = Math.min(6 + random.nextInt(13), MONTHS - start);
      int roles = 2 + random.nextInt(3);
      for (int r = 0; r < roles; r++) {
        int role = random.nextInt(ROLES);
        double fte = 0.5 + random.nextInt(4) * 0.5;
        for (int month = start; month < start + length; month++) {
          usage.merge(cell(role, month), fte, Double::sum);
        }
      }
      candidates.add(new Candidate("P" + i, "Project " + i, 1 + 4 * random.nextDouble(), usage, Candidate.Pin.FREE));
    }
    return new SelectionProblem(candidates, limits, List.of());
  }

  private static String cell(int role, int month) {
    return "role-" + role + "-" + month;
  }
}
