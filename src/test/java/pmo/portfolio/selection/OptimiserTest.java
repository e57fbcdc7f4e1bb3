package pmo.portfolio.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import pmo.portfolio.selection.Candidate.Pin;

/**
 * The optimiser in plain JUnit: on random instances small enough for a brute force over every subset, the solver's
 * objective is the brute force's optimum; pins, an infeasible pin, dependencies, the constraint that explains each
 * project left out, and an efficient frontier that never falls as the budget grows.
 */
class OptimiserTest {

  private final Optimiser optimiser = new Optimiser(Duration.ofSeconds(10));

  @Test
  void matchesTheBruteForceOptimumOnRandomInstances() {
    Random random = new Random(20240613L);
    int withDependencies = 0;
    int withPins = 0;
    for (int instance = 0; instance < 40; instance++) {
      SelectionProblem problem = randomProblem(random, 6 + random.nextInt(10));
      withDependencies += problem.dependencies().isEmpty() ? 0 : 1;
      withPins += problem.candidates().stream().anyMatch(c -> c.pin() != Pin.FREE) ? 1 : 0;
      double best = BruteForce.optimum(problem);
      Selection selection = optimiser.select(problem);
      if (Double.isNaN(best)) {
        assertThat(selection.status()).as("instance %d: nothing is feasible", instance)
            .isEqualTo(Selection.Status.INFEASIBLE);
        assertThat(selection.infeasibility()).isNotEmpty();
        continue;
      }
      assertThat(selection.status()).as("instance %d", instance).isEqualTo(Selection.Status.OPTIMAL);
      assertThat(selection.objective()).as("instance %d (%d candidates)", instance, problem.candidates().size())
          .isCloseTo(best, within(1e-6));
      assertThat(BruteForce.feasible(problem, selection.chosen())).as("instance %d: feasible", instance).isTrue();
      assertThat(selection.greedy().objective()).isLessThanOrEqualTo(selection.objective() + 1e-9);
      assertThat(BruteForce.feasible(problem, selection.greedy().chosen())).isTrue();
      assertThat(selection.leftOut()).hasSize(problem.candidates().size() - selection.chosen().size())
          .allSatisfy(e -> assertThat(e.primary().kind()).isNotEqualTo(Cause.Kind.NOT_REACHED));
    }
    assertThat(withDependencies).isGreaterThan(10);
    assertThat(withPins).isGreaterThan(10);
  }

  @Test
  void pinnedProjectsAreKeptOrLeftOutWhateverTheirScore() {
    List<Limit> limits = List.of(budget(100));
    SelectionProblem free = new SelectionProblem(List.of(
        candidate("A", 5, Map.of("budget:2026", 60.0), Pin.FREE),
        candidate("B", 1, Map.of("budget:2026", 50.0), Pin.FREE),
        candidate("C", 4, Map.of("budget:2026", 40.0), Pin.FREE)), limits, List.of());
    assertThat(optimiser.select(free).chosen()).containsExactly("A", "C");

    SelectionProblem pinned = new SelectionProblem(List.of(
        candidate("A", 5, Map.of("budget:2026", 60.0), Pin.OUT),
        candidate("B", 1, Map.of("budget:2026", 50.0), Pin.IN),
        candidate("C", 4, Map.of("budget:2026", 40.0), Pin.FREE)), limits, List.of());
    Selection selection = optimiser.select(pinned);
    assertThat(selection.chosen()).containsExactly("B", "C");
    assertThat(selection.objective()).isEqualTo(5.0);
    assertThat(exclusion(selection, "A").primary().kind()).isEqualTo(Cause.Kind.PINNED_OUT);
  }

  @Test
  void anInfeasiblePinIsReportedWithTheLimitItBreaks() {
    SelectionProblem problem = new SelectionProblem(List.of(
        candidate("A", 5, Map.of("budget:2026", 80.0, "role:dev:2026-03", 2.0), Pin.IN),
        candidate("B", 3, Map.of("budget:2026", 30.0, "role:dev:2026-03", 1.0), Pin.IN),
        candidate("C", 4, Map.of("budget:2026", 10.0), Pin.FREE)),
        List.of(budget(100), new Limit("role:dev:2026-03", Limit.Kind.CAPACITY, "dev 2026-03", 5)), List.of());

    Selection selection = optimiser.select(problem);

    assertThat(selection.status()).isEqualTo(Selection.Status.INFEASIBLE);
    assertThat(selection.chosen()).isEmpty();
    assertThat(selection.infeasibility()).containsExactly(
        "the projects pinned in (with what they require) need 110 of budget 2026, which has 100");
  }

  @Test
  void aPinnedProjectThatRequiresAProjectPinnedOutIsInfeasible() {
    SelectionProblem problem = new SelectionProblem(List.of(
        candidate("A", 5, Map.of(), Pin.IN), candidate("B", 3, Map.of(), Pin.OUT)),
        List.of(budget(100)), List.of(new Dependency("A", Dependency.Kind.REQUIRES, "B")));
    assertThat(optimiser.select(problem).infeasibility()).containsExactly(
        "B is pinned out, but the projects pinned in need it (directly or through what they require)");
  }

  @Test
  void dependenciesAreConstraints() {
    // C is worth most but needs A; B and C exclude each other
    SelectionProblem problem = new SelectionProblem(List.of(
        candidate("A", 1, Map.of("budget:2026", 30.0), Pin.FREE),
        candidate("B", 4, Map.of("budget:2026", 30.0), Pin.FREE),
        candidate("C", 5, Map.of("budget:2026", 30.0), Pin.FREE),
        candidate("D", 2, Map.of("budget:2026", 40.0), Pin.FREE)),
        List.of(budget(100)), List.of(new Dependency("C", Dependency.Kind.REQUIRES, "A"),
            new Dependency("B", Dependency.Kind.EXCLUDES, "C")));

    Selection selection = optimiser.select(problem);

    assertThat(selection.chosen()).containsExactly("A", "C", "D");
    assertThat(selection.objective()).isEqualTo(8.0);
    Cause b = exclusion(selection, "B").primary();
    assertThat(b.kind()).isEqualTo(Cause.Kind.DEPENDENCY);
    assertThat(b.constraint()).isEqualTo("C");
    assertThat(b.text()).isEqualTo("excludes C, which is in the selection");
    // the greedy choice takes C together with what it requires
    assertThat(selection.greedy().chosen()).containsExactly("A", "C", "D");
  }

  @Test
  void theGreedyChoiceIsShownBesideTheOptimum() {
    // the best-scored project alone takes most of the budget; the two next ones together are worth more
    SelectionProblem problem = new SelectionProblem(List.of(
        candidate("X", 6, Map.of("budget:2026", 60.0), Pin.FREE),
        candidate("Y", 5, Map.of("budget:2026", 50.0), Pin.FREE),
        candidate("Z", 5, Map.of("budget:2026", 50.0), Pin.FREE)), List.of(budget(100)), List.of());

    Selection selection = optimiser.select(problem);

    assertThat(selection.chosen()).containsExactly("Y", "Z");
    assertThat(selection.objective()).isEqualTo(10.0);
    assertThat(selection.greedy().chosen()).containsExactly("X");
    assertThat(selection.greedy().objective()).isEqualTo(6.0);
    assertThat(exclusion(selection, "X").primary().text())
        .isEqualTo("needs 60 of budget 2026, where the selection leaves 0");
  }

  @Test
  void eachProjectLeftOutNamesTheConstraintThatExcludedIt() {
    SelectionProblem problem = new SelectionProblem(List.of(
        candidate("A", 10, Map.of("budget:2026", 60.0, "role:dev:2026-03", 2.0), Pin.FREE),
        candidate("B", 4, Map.of("budget:2026", 50.0), Pin.FREE),
        candidate("C", 3, Map.of("budget:2026", 10.0, "role:dev:2026-03", 2.0), Pin.FREE),
        candidate("E", 2, Map.of(), Pin.FREE)),
        List.of(budget(100), new Limit("role:dev:2026-03", Limit.Kind.CAPACITY, "developer 2026-03", 3)),
        List.of(new Dependency("E", Dependency.Kind.REQUIRES, "B")));

    Selection selection = optimiser.select(problem);

    assertThat(selection.chosen()).containsExactly("A");
    assertThat(selection.used()).containsEntry("budget:2026", 60.0).containsEntry("role:dev:2026-03", 2.0);
    Cause b = exclusion(selection, "B").primary();
    assertThat(b.kind()).isEqualTo(Cause.Kind.BUDGET);
    assertThat(b.constraint()).isEqualTo("budget:2026");
    assertThat(b.needed()).isEqualTo(50.0);
    assertThat(b.left()).isEqualTo(40.0);
    assertThat(b.text()).isEqualTo("needs 50 of budget 2026, where the selection leaves 40");
    Cause c = exclusion(selection, "C").primary();
    assertThat(c.kind()).isEqualTo(Cause.Kind.CAPACITY);
    assertThat(c.label()).isEqualTo("developer 2026-03");
    assertThat(c.text()).isEqualTo("needs 2 of developer 2026-03, where the selection leaves 1");
    assertThat(exclusion(selection, "C").causes()).hasSize(1);
    assertThat(exclusion(selection, "E").primary().text()).isEqualTo("requires B, which is not in the selection");
  }

  @Test
  void anUnscoredProjectIsLeftOutBecauseItAddsNothing() {
    SelectionProblem problem = new SelectionProblem(List.of(candidate("A", 3, Map.of("budget:2026", 10.0), Pin.FREE),
        candidate("U", 0, Map.of("budget:2026", 10.0), Pin.FREE)), List.of(budget(100)), List.of());
    assertThat(exclusion(optimiser.select(problem), "U").primary().kind()).isEqualTo(Cause.Kind.NO_SCORE);
  }

  @Test
  void theFrontierNeverFallsAsTheBudgetGrows() {
    Random random = new Random(7);
    for (int instance = 0; instance < 5; instance++) {
      SelectionProblem problem = randomProblem(random, 12);
      if (!optimiser.select(problem).feasible()) {
        continue;
      }
      double ceiling = problem.limits().stream().filter(l -> l.kind() == Limit.Kind.BUDGET)
          .mapToDouble(Limit::capacity).max().orElseThrow();
      List<FrontierPoint> frontier = optimiser.frontier(problem, ceiling, 21);
      assertThat(frontier).hasSizeGreaterThanOrEqualTo(21);
      assertThat(frontier).filteredOn(FrontierPoint::current).singleElement()
          .satisfies(p -> assertThat(p.budget()).isEqualTo(ceiling));
      for (int i = 1; i < frontier.size(); i++) {
        assertThat(frontier.get(i).budget()).isGreaterThan(frontier.get(i - 1).budget());
        assertThat(frontier.get(i).objective()).isGreaterThanOrEqualTo(frontier.get(i - 1).objective() - 1e-9);
      }
      // each point is the optimum at its budget
      for (FrontierPoint point : frontier) {
        assertThat(point.objective()).isCloseTo(BruteForce.optimum(problem.withBudget(point.budget())),
            within(1e-6));
      }
    }
  }

  // --- test data

  static Candidate candidate(String ref, double score, Map<String, Double> usage, Pin pin) {
    return new Candidate(ref, "Project " + ref, score, usage, pin);
  }

  static Limit budget(double ceiling) {
    return new Limit("budget:2026", Limit.Kind.BUDGET, "budget 2026", ceiling);
  }

  private static Exclusion exclusion(Selection selection, String ref) {
    return selection.leftOut().stream().filter(e -> e.ref().equals(ref)).findFirst().orElseThrow();
  }

  /**
   * Up to 15 projects with scores 1–5 (some unscored), costs in two budget years and FTE in two roles over three
   * months, limits at about half of the demand, a few pins and dependencies.
   */
  static SelectionProblem randomProblem(Random random, int n) {
    List<Limit> limits = new ArrayList<>();
    for (int year = 2026; year <= 2027; year++) {
      limits.add(new Limit("budget:" + year, Limit.Kind.BUDGET, "budget " + year, 0));
    }
    for (String role : List.of("dev", "ops")) {
      for (int month = 1; month <= 3; month++) {
        limits.add(new Limit("role:" + role + ":" + month, Limit.Kind.CAPACITY, role + " month " + month, 0));
      }
    }
    List<Candidate> candidates = new ArrayList<>();
    Map<String, Double> demand = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Map<String, Double> usage = new HashMap<>();
      for (Limit limit : limits) {
        if (random.nextDouble() < (limit.kind() == Limit.Kind.BUDGET ? 0.8 : 0.4)) {
          double amount = limit.kind() == Limit.Kind.BUDGET ? 10_000 * (1 + random.nextInt(50))
              : 0.5 * (1 + random.nextInt(6));
          usage.put(limit.id(), amount);
          demand.merge(limit.id(), amount, Double::sum);
        }
      }
      double score = random.nextDouble() < 0.1 ? 0 : Math.round((1 + 4 * random.nextDouble()) * 1000) / 1000.0;
      Pin pin = random.nextDouble() < 0.08 ? Pin.IN : random.nextDouble() < 0.08 ? Pin.OUT : Pin.FREE;
      candidates.add(candidate("P" + i, score, usage, pin));
    }
    List<Limit> sized = limits.stream().map(l -> l.withCapacity(Math.floor(demand.getOrDefault(l.id(), 0.0)
        * (0.3 + 0.4 * random.nextDouble())))).toList();
    List<Dependency> dependencies = new ArrayList<>();
    int count = random.nextInt(4);
    for (int k = 0; k < count; k++) {
      int a = random.nextInt(n);
      int b = random.nextInt(n);
      if (a != b) {
        dependencies.add(new Dependency("P" + a, random.nextBoolean() ? Dependency.Kind.REQUIRES
            : Dependency.Kind.EXCLUDES, "P" + b));
      }
    }
    return new SelectionProblem(candidates, sized, dependencies);
  }
}
