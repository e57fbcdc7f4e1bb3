package pmo.portfolio.selection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Feasibility of a set of candidates, in plain arithmetic: the check every answer of the solver passes before it is
 * reported, and the reason a problem has no answer at all. A problem is feasible exactly when the candidates pinned in,
 * together with everything they require, break no pin, exclusion or limit: that set is then itself a selection.
 */
final class Feasibility {

  /** Relative slack for sums of doubles compared with a limit. */
  static final double EPS = 1e-9;

  private final SelectionProblem problem;
  private final Map<String, Integer> index;

  Feasibility(SelectionProblem problem) {
    this.problem = problem;
    this.index = problem.indexByRef();
  }

  /** The candidates in {@code seed} and everything they require, transitively. */
  BitSet closure(BitSet seed) {
    BitSet closed = (BitSet) seed.clone();
    Deque<Integer> pending = new ArrayDeque<>();
    seed.stream().forEach(pending::add);
    while (!pending.isEmpty()) {
      String ref = problem.candidates().get(pending.pop()).ref();
      for (Dependency d : problem.dependencies()) {
        if (d.kind() == Dependency.Kind.REQUIRES && d.project().equals(ref)) {
          int other = index.get(d.other());
          if (!closed.get(other)) {
            closed.set(other);
            pending.push(other);
          }
        }
      }
    }
    return closed;
  }

  BitSet pinned(Candidate.Pin pin) {
    BitSet set = new BitSet();
    for (int i = 0; i < problem.candidates().size(); i++) {
      if (problem.candidates().get(i).pin() == pin) {
        set.set(i);
      }
    }
    return set;
  }

  /** Why no selection exists (empty when one does). */
  List<String> reasonsNoneExists() {
    BitSet required = closure(pinned(Candidate.Pin.IN));
    List<String> reasons = new ArrayList<>();
    BitSet out = pinned(Candidate.Pin.OUT);
    required.stream().filter(out::get).forEach(i -> reasons.add(ref(i)
        + " is pinned out, but the projects pinned in need it (directly or through what they require)"));
    for (Dependency d : problem.dependencies()) {
      if (d.kind() == Dependency.Kind.EXCLUDES && required.get(index.get(d.project()))
          && required.get(index.get(d.other()))) {
        reasons.add(d.project() + " and " + d.other() + " exclude each other, but the projects pinned in need both");
      }
    }
    for (Limit limit : problem.limits()) {
      double need = usage(required, limit);
      if (exceeds(need, limit.capacity())) {
        reasons.add("the projects pinned in (with what they require) need " + format(need) + " of " + limit.label()
            + ", which has " + format(limit.capacity()));
      }
    }
    return reasons;
  }

  /** Whether a set of candidates keeps every pin, dependency and limit. */
  boolean holds(BitSet chosen) {
    for (int i = 0; i < problem.candidates().size(); i++) {
      Candidate.Pin pin = problem.candidates().get(i).pin();
      if ((pin == Candidate.Pin.IN && !chosen.get(i)) || (pin == Candidate.Pin.OUT && chosen.get(i))) {
        return false;
      }
    }
    for (Dependency d : problem.dependencies()) {
      boolean a = chosen.get(index.get(d.project()));
      boolean b = chosen.get(index.get(d.other()));
      if ((d.kind() == Dependency.Kind.REQUIRES && a && !b) || (d.kind() == Dependency.Kind.EXCLUDES && a && b)) {
        return false;
      }
    }
    return problem.limits().stream().noneMatch(limit -> exceeds(usage(chosen, limit), limit.capacity()));
  }

  double usage(BitSet set, Limit limit) {
    double sum = 0;
    for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
      sum += problem.candidates().get(i).uses(limit.id());
    }
    return sum;
  }

  double objective(BitSet set) {
    double sum = 0;
    for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
      sum += problem.candidates().get(i).score();
    }
    return sum;
  }

  static boolean exceeds(double used, double capacity) {
    return used > capacity + EPS * Math.max(1, Math.abs(capacity));
  }

  private String ref(int i) {
    return problem.candidates().get(i).ref();
  }

  static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
        : String.format(java.util.Locale.ROOT, "%.2f", value);
  }
}
