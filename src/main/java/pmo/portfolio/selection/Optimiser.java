package pmo.portfolio.selection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Chooses the set of candidates with the highest total score within the limits, pins and dependencies: exactly, with
 * Choco's integer branch-and-bound ({@link ExactSolver}), within a time limit; every answer is checked in plain arithmetic
 * ({@link Feasibility}) before it is given, and never worse than the greedy choice. Also the efficient frontier: the
 * best score at each budget ceiling over a range.
 */
public final class Optimiser {

  private final Duration timeLimit;

  public Optimiser(Duration timeLimit) {
    this.timeLimit = timeLimit;
  }

  public Selection select(SelectionProblem problem) {
    return select(problem, timeLimit.toMillis());
  }

  private Selection select(SelectionProblem problem, long millis) {
    long started = System.nanoTime();
    Feasibility feasibility = new Feasibility(problem);
    List<String> reasons = feasibility.reasonsNoneExists();
    if (!reasons.isEmpty()) {
      return new Selection(Selection.Status.INFEASIBLE, List.of(), 0, 0, 0, Map.of(), List.of(),
          new Selection.GreedyChoice(List.of(), 0), reasons, elapsed(started));
    }
    BitSet greedy = Greedy.choose(problem, feasibility);
    LagrangeBound lagrange = new LagrangeBound(problem);
    double relaxed = lagrange.compute(feasibility.objective(greedy));
    double[] order = lagrange.reducedScores();
    BitSet start = Greedy.choose(problem, feasibility, order);
    if (start == null || feasibility.objective(start) < feasibility.objective(greedy)) {
      start = greedy;
    }
    // what is left of the time limit, less a fifth for building the solver's model and explaining its answer
    long left = Math.max(1, (millis - elapsed(started)) * 4 / 5);
    ExactSolver.Solved solved = ExactSolver.solve(problem, start, order, left);
    BitSet best = start;
    boolean optimal = false;
    double bound = relaxed;
    if (solved != null && feasibility.holds(solved.chosen())
        && feasibility.objective(solved.chosen()) >= feasibility.objective(start)) {
      best = solved.chosen();
      optimal = solved.optimal();
    }
    if (solved != null && !Double.isNaN(solved.bound())) {
      bound = Math.min(bound, solved.bound());
    }
    double objective = feasibility.objective(best);
    bound = optimal ? objective : Math.max(objective, bound);
    double gap = bound <= 0 ? 0 : (bound - objective) / bound;
    Map<String, Double> used = new LinkedHashMap<>();
    for (Limit limit : problem.limits()) {
      used.put(limit.id(), feasibility.usage(best, limit));
    }
    return new Selection(optimal ? Selection.Status.OPTIMAL : Selection.Status.TIME_LIMIT, refs(problem, best),
        objective, bound, gap, used, Explainer.explain(problem, feasibility, best, optimal),
        new Selection.GreedyChoice(refs(problem, greedy), feasibility.objective(greedy)), List.of(), elapsed(started));
  }

  /**
   * The best total score at {@code points} budget ceilings evenly spread from what the pinned projects need to what
   * every candidate together costs in its most expensive year, plus the point at {@code ceiling} (marked current).
   * The time limit is shared out among the points. A point never scores less than a lower budget's point: the
   * selection of a lower budget stays feasible as the budget grows, so it is kept when the solver, stopped by its time
   * limit, found nothing better.
   */
  public List<FrontierPoint> frontier(SelectionProblem problem, double ceiling, int points) {
    Feasibility feasibility = new Feasibility(problem);
    BitSet pinned = feasibility.closure(feasibility.pinned(Candidate.Pin.IN));
    BitSet all = new BitSet();
    all.set(0, problem.candidates().size());
    double low = 0;
    double high = 0;
    for (Limit limit : problem.limits()) {
      if (limit.kind() == Limit.Kind.BUDGET) {
        low = Math.max(low, feasibility.usage(pinned, limit));
        high = Math.max(high, feasibility.usage(all, limit));
      }
    }
    high = Math.max(high, low);
    TreeSet<Double> budgets = new TreeSet<>();
    for (int i = 0; i < points; i++) {
      budgets.add(points == 1 ? high : low + (high - low) * i / (points - 1));
    }
    budgets.add(ceiling);
    long each = Math.max(50, timeLimit.toMillis() / budgets.size());
    List<FrontierPoint> frontier = new ArrayList<>();
    Map<String, Integer> index = problem.indexByRef();
    FrontierPoint previous = null;
    for (double budget : budgets) {
      SelectionProblem at = problem.withBudget(budget);
      Selection selection = select(at, each);
      FrontierPoint point;
      if (!selection.feasible()) {
        point = new FrontierPoint(budget, 0, 0, List.of(), budget == ceiling, selection.status());
      } else if (previous != null && previous.status() != Selection.Status.INFEASIBLE
          && previous.objective() > selection.objective()) {
        point = new FrontierPoint(budget, previous.objective(), previous.spent(), previous.chosen(),
            budget == ceiling, Selection.Status.TIME_LIMIT);
      } else {
        point = new FrontierPoint(budget, selection.objective(), spent(at, selection, index), selection.chosen(),
            budget == ceiling, selection.status());
      }
      frontier.add(point);
      previous = point;
    }
    return frontier;
  }

  private static double spent(SelectionProblem problem, Selection selection, Map<String, Integer> index) {
    double sum = 0;
    for (Limit limit : problem.limits()) {
      if (limit.kind() == Limit.Kind.BUDGET) {
        sum += selection.used().getOrDefault(limit.id(), 0.0);
      }
    }
    return sum;
  }

  private static List<String> refs(SelectionProblem problem, BitSet set) {
    List<String> refs = new ArrayList<>();
    set.stream().forEach(i -> refs.add(problem.candidates().get(i).ref()));
    return refs;
  }

  private static long elapsed(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
