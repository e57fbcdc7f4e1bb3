package pmo.portfolio.selection;

import java.util.List;
import java.util.Map;

/** Every subset of the candidates, checked one by one: the optimum of a small problem, to compare the solver with. */
final class BruteForce {

  private BruteForce() {
  }

  /** The best objective of any feasible subset; NaN when none is feasible. */
  static double optimum(SelectionProblem problem) {
    int n = problem.candidates().size();
    if (n > 20) {
      throw new IllegalArgumentException("too many candidates for a brute force: " + n);
    }
    double best = Double.NaN;
    for (long mask = 0; mask < (1L << n); mask++) {
      if (feasible(problem, mask)) {
        double value = 0;
        for (int i = 0; i < n; i++) {
          if ((mask & (1L << i)) != 0) {
            value += problem.candidates().get(i).score();
          }
        }
        if (Double.isNaN(best) || value > best) {
          best = value;
        }
      }
    }
    return best;
  }

  static boolean feasible(SelectionProblem problem, List<String> chosen) {
    Map<String, Integer> index = problem.indexByRef();
    long mask = 0;
    for (String ref : chosen) {
      mask |= 1L << index.get(ref);
    }
    return feasible(problem, mask);
  }

  private static boolean feasible(SelectionProblem problem, long mask) {
    Map<String, Integer> index = problem.indexByRef();
    List<Candidate> candidates = problem.candidates();
    for (int i = 0; i < candidates.size(); i++) {
      boolean in = (mask & (1L << i)) != 0;
      if ((candidates.get(i).pin() == Candidate.Pin.IN && !in) || (candidates.get(i).pin() == Candidate.Pin.OUT && in)) {
        return false;
      }
    }
    for (Dependency d : problem.dependencies()) {
      boolean a = (mask & (1L << index.get(d.project()))) != 0;
      boolean b = (mask & (1L << index.get(d.other()))) != 0;
      if (d.kind() == Dependency.Kind.REQUIRES ? a && !b : a && b) {
        return false;
      }
    }
    for (Limit limit : problem.limits()) {
      double used = 0;
      for (int i = 0; i < candidates.size(); i++) {
        if ((mask & (1L << i)) != 0) {
          used += candidates.get(i).uses(limit.id());
        }
      }
      if (used > limit.capacity() + 1e-9 * Math.max(1, limit.capacity())) {
        return false;
      }
    }
    return true;
  }
}
