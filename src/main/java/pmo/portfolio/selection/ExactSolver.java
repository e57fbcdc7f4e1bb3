package pmo.portfolio.selection;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.chocosolver.solver.Model;
import org.chocosolver.solver.Solution;
import org.chocosolver.solver.Solver;
import org.chocosolver.solver.search.limits.TimeCounter;
import org.chocosolver.solver.search.strategy.Search;
import org.chocosolver.solver.variables.BoolVar;
import org.chocosolver.solver.variables.IntVar;

/**
 * The selection as a 0/1 integer programme, solved exactly by Choco's branch-and-bound over integers:
 * maximise Σ scoreᵢ·xᵢ subject to Σ usageᵢₗ·xᵢ ≤ capacityₗ for every limit l, x_a ≤ x_b when a requires b,
 * x_a + x_b ≤ 1 when they exclude each other, xᵢ fixed for pinned candidates, xᵢ ∈ {0, 1}.
 *
 * <p>Integers, so nothing depends on a floating-point tolerance: scores are counted in ten-thousandths; each limit's
 * usages are scaled to integers (cents of a budget, hundredths of an FTE, fewer decimals when the sums would not fit
 * an int), usages rounded up and the capacity down, so an answer is never over a limit. The search starts from the
 * best greedy choice (hints) and tries first the candidates that bring most net of what they use (at the prices of
 * {@link LagrangeBound}); when it stops at its time limit, the objective's bound is what its propagation leaves.
 */
final class ExactSolver {

  static final int SCORE_SCALE = 10_000;
  private static final long MAX_SUM = 1_000_000_000L;

  record Solved(BitSet chosen, boolean optimal, double bound) {
  }

  private ExactSolver() {
  }

  /** Solves a feasible problem; null when the solver found no selection within the time limit. */
  static Solved solve(SelectionProblem problem, BitSet hint, double[] order, long timeLimitMillis) {
    List<Candidate> candidates = problem.candidates();
    int n = candidates.size();
    Model model = new Model("portfolio selection");
    BoolVar[] x = model.boolVarArray("x", n);
    int[] scores = new int[n];
    long total = 0;
    for (int i = 0; i < n; i++) {
      Candidate c = candidates.get(i);
      scores[i] = (int) Math.round(Math.max(0, c.score()) * SCORE_SCALE);
      total += scores[i];
      if (c.pin() == Candidate.Pin.IN) {
        model.arithm(x[i], "=", 1).post();
      } else if (c.pin() == Candidate.Pin.OUT) {
        model.arithm(x[i], "=", 0).post();
      }
    }
    for (Limit limit : problem.limits()) {
      postLimit(model, x, candidates, limit);
    }
    var index = problem.indexByRef();
    for (Dependency d : problem.dependencies()) {
      BoolVar a = x[index.get(d.project())];
      BoolVar b = x[index.get(d.other())];
      if (d.kind() == Dependency.Kind.REQUIRES) {
        model.arithm(a, "<=", b).post();
      } else {
        model.arithm(a, "+", b, "<=", 1).post();
      }
    }
    IntVar objective = model.intVar("objective", 0, (int) Math.min(Integer.MAX_VALUE - 1, total));
    model.scalar(x, scores, "=", objective).post();
    model.setObjective(Model.MAXIMIZE, objective);

    Solver solver = model.getSolver();
    BoolVar[] byScore = IntStream.range(0, n).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -order[i])).map(i -> x[i]).toArray(BoolVar[]::new);
    solver.setSearch(Search.lastConflict(Search.inputOrderUBSearch(byScore)));
    if (hint != null) {
      for (int i = 0; i < n; i++) {
        solver.addHint(x[i], hint.get(i) ? 1 : 0);
      }
    }
    solver.addStopCriterion(new TimeCounter(model, Math.max(1, timeLimitMillis) * 1_000_000L));
    Solution best = new Solution(model, x);
    boolean found = false;
    while (solver.solve()) {
      best.record();
      found = true;
    }
    if (!found) {
      return null;
    }
    BitSet chosen = new BitSet();
    for (int i = 0; i < n; i++) {
      if (best.getIntVal(x[i]) == 1) {
        chosen.set(i);
      }
    }
    boolean optimal = !solver.isStopCriterionMet();
    Number upper = solver.getObjectiveManager().getBestUB();
    double bound = optimal || upper == null ? Double.NaN : upper.doubleValue() / SCORE_SCALE;
    return new Solved(chosen, optimal, bound);
  }

  private static void postLimit(Model model, BoolVar[] x, List<Candidate> candidates, Limit limit) {
    List<Integer> users = new ArrayList<>();
    double total = 0;
    for (int i = 0; i < candidates.size(); i++) {
      double use = candidates.get(i).uses(limit.id());
      if (use > 0) {
        users.add(i);
        total += use;
      }
    }
    if (users.isEmpty() || !Feasibility.exceeds(total, limit.capacity())) {
      return; // nobody can overrun it
    }
    double scale = 100;
    while (scale > 1e-6 && Math.ceil(total * scale) + users.size() > MAX_SUM) {
      scale /= 10;
    }
    BoolVar[] vars = new BoolVar[users.size()];
    int[] coefficients = new int[users.size()];
    for (int k = 0; k < users.size(); k++) {
      vars[k] = x[users.get(k)];
      coefficients[k] = (int) Math.ceil(candidates.get(users.get(k)).uses(limit.id()) * scale - 1e-9);
    }
    int capacity = (int) Math.floor(Math.max(0, limit.capacity()) * scale + 1e-9);
    model.scalar(vars, coefficients, "<=", capacity).post();
  }
}
