package pmo.portfolio.selection;

import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The greedy choice, shown beside the optimum for comparison (what "fund the best-ranked projects until the money
 * runs out" gives): the pinned projects with what they require, then every other candidate by score, best first,
 * taken together with what it requires when the whole package fits and breaks nothing. Also a start for the solver,
 * in another order. Keeps the use of each limit as it goes, so each step looks only at the limits the package uses.
 */
final class Greedy {

  private Greedy() {
  }

  /** The greedy set by score, or null when the pinned projects alone are infeasible. */
  static BitSet choose(SelectionProblem problem, Feasibility feasibility) {
    double[] scores = problem.candidates().stream().mapToDouble(Candidate::score).toArray();
    return choose(problem, feasibility, scores);
  }

  /** The greedy set taking candidates by {@code value}, highest first (score, or score net of the limits' prices). */
  static BitSet choose(SelectionProblem problem, Feasibility feasibility, double[] value) {
    BitSet chosen = feasibility.closure(feasibility.pinned(Candidate.Pin.IN));
    if (!feasibility.holds(chosen)) {
      return null;
    }
    List<Limit> limits = problem.limits();
    Map<String, Integer> limitIndex = new java.util.HashMap<>();
    for (int l = 0; l < limits.size(); l++) {
      limitIndex.put(limits.get(l).id(), l);
    }
    double[] used = new double[limits.size()];
    for (int l = 0; l < limits.size(); l++) {
      used[l] = feasibility.usage(chosen, limits.get(l));
    }
    Map<String, Integer> index = problem.indexByRef();
    int[] order = IntStream.range(0, problem.candidates().size()).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -value[i])
            .thenComparing(i -> problem.candidates().get(i).ref()))
        .mapToInt(Integer::intValue).toArray();
    for (int i : order) {
      Candidate candidate = problem.candidates().get(i);
      if (chosen.get(i) || candidate.pin() == Candidate.Pin.OUT || candidate.score() <= 0) {
        continue;
      }
      BitSet single = new BitSet();
      single.set(i);
      BitSet added = feasibility.closure(single);
      added.andNot(chosen);
      if (fits(problem, added, chosen, used, limitIndex, index)) {
        chosen.or(added);
        for (int j = added.nextSetBit(0); j >= 0; j = added.nextSetBit(j + 1)) {
          problem.candidates().get(j).usage().forEach((id, use) -> {
            Integer l = limitIndex.get(id);
            if (l != null) {
              used[l] += use;
            }
          });
        }
      }
    }
    return chosen;
  }

  private static boolean fits(SelectionProblem problem, BitSet added, BitSet chosen, double[] used,
      Map<String, Integer> limitIndex, Map<String, Integer> index) {
    Map<Integer, Double> extra = new java.util.HashMap<>();
    for (int j = added.nextSetBit(0); j >= 0; j = added.nextSetBit(j + 1)) {
      if (problem.candidates().get(j).pin() == Candidate.Pin.OUT) {
        return false;
      }
      problem.candidates().get(j).usage().forEach((id, use) -> {
        Integer l = limitIndex.get(id);
        if (l != null) {
          extra.merge(l, use, Double::sum);
        }
      });
    }
    for (Map.Entry<Integer, Double> e : extra.entrySet()) {
      if (e.getValue() > 0
          && Feasibility.exceeds(used[e.getKey()] + e.getValue(), problem.limits().get(e.getKey()).capacity())) {
        return false;
      }
    }
    for (Dependency d : problem.dependencies()) {
      if (d.kind() == Dependency.Kind.EXCLUDES) {
        int a = index.get(d.project());
        int b = index.get(d.other());
        boolean aIn = added.get(a) || chosen.get(a);
        boolean bIn = added.get(b) || chosen.get(b);
        if (aIn && bIn && (added.get(a) || added.get(b))) {
          return false;
        }
      }
    }
    return true;
  }
}
