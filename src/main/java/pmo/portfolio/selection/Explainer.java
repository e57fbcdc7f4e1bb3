package pmo.portfolio.selection;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Why each candidate is not in the chosen set: the constraints it would break if it were added as the set stands.
 * Dependencies first (a project that requires one not chosen, or excludes one chosen), then the limits it would
 * overrun, the largest shortfall first. A candidate that breaks nothing either has no score (it adds nothing) or was
 * not reached before the time limit.
 */
final class Explainer {

  private Explainer() {
  }

  static List<Exclusion> explain(SelectionProblem problem, Feasibility feasibility, BitSet chosen, boolean optimal) {
    Map<String, Integer> index = problem.indexByRef();
    List<Limit> limits = problem.limits();
    double[] used = limits.stream().mapToDouble(l -> feasibility.usage(chosen, l)).toArray();
    List<Exclusion> leftOut = new ArrayList<>();
    for (int i = 0; i < problem.candidates().size(); i++) {
      if (chosen.get(i)) {
        continue;
      }
      Candidate c = problem.candidates().get(i);
      List<Cause> causes = new ArrayList<>();
      if (c.pin() == Candidate.Pin.OUT) {
        causes.add(new Cause(Cause.Kind.PINNED_OUT, null, "pinned out", 0, 0, "pinned out of the selection"));
      }
      for (Dependency d : problem.dependencies()) {
        String other = d.project().equals(c.ref()) ? d.other() : d.other().equals(c.ref()) ? d.project() : null;
        if (other == null) {
          continue;
        }
        boolean otherChosen = chosen.get(index.get(other));
        if (d.kind() == Dependency.Kind.REQUIRES && d.project().equals(c.ref()) && !otherChosen) {
          causes.add(new Cause(Cause.Kind.DEPENDENCY, other, "requires " + other, 0, 0,
              "requires " + other + ", which is not in the selection"));
        } else if (d.kind() == Dependency.Kind.EXCLUDES && otherChosen) {
          causes.add(new Cause(Cause.Kind.DEPENDENCY, other, "excludes " + other, 0, 0,
              "excludes " + other + ", which is in the selection"));
        }
      }
      List<Cause> overruns = new ArrayList<>();
      for (int k = 0; k < limits.size(); k++) {
        Limit limit = limits.get(k);
        double need = c.uses(limit.id());
        if (need > 0 && Feasibility.exceeds(used[k] + need, limit.capacity())) {
          double left = Math.max(0, limit.capacity() - used[k]);
          Cause.Kind kind = limit.kind() == Limit.Kind.BUDGET ? Cause.Kind.BUDGET : Cause.Kind.CAPACITY;
          overruns.add(new Cause(kind, limit.id(), limit.label(), need, left, "needs " + Feasibility.format(need)
              + " of " + limit.label() + ", where the selection leaves " + Feasibility.format(left)));
        }
      }
      overruns.sort(Comparator.comparingDouble((Cause x) -> x.left() - x.needed())
          .thenComparing(x -> x.kind() == Cause.Kind.BUDGET ? 0 : 1));
      causes.addAll(overruns);
      if (causes.isEmpty()) {
        causes.add(c.score() <= 0
            ? new Cause(Cause.Kind.NO_SCORE, null, "no score", 0, 0, "has no score: choosing it adds nothing")
            : new Cause(Cause.Kind.NOT_REACHED, null, "time limit", 0, 0, optimal
                ? "fits, but adds less than it would cost elsewhere"
                : "fits as the selection stands; the solver stopped at its time limit before deciding on it"));
      }
      leftOut.add(new Exclusion(c.ref(), c.name(), causes));
    }
    return leftOut;
  }
}
