package pmo.portfolio.selection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The candidates, the limits they share and the dependencies between them. */
public record SelectionProblem(List<Candidate> candidates, List<Limit> limits, List<Dependency> dependencies) {

  public SelectionProblem {
    candidates = List.copyOf(candidates);
    limits = List.copyOf(limits);
    dependencies = List.copyOf(dependencies);
    Set<String> refs = new HashSet<>();
    for (Candidate c : candidates) {
      if (!refs.add(c.ref())) {
        throw new IllegalArgumentException("candidate " + c.ref() + " is given twice");
      }
    }
    for (Dependency d : dependencies) {
      if (!refs.contains(d.project()) || !refs.contains(d.other())) {
        throw new IllegalArgumentException("dependency " + d + " names a project that is no candidate");
      }
    }
  }

  /** The index of each candidate by its reference. */
  Map<String, Integer> indexByRef() {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < candidates.size(); i++) {
      index.put(candidates.get(i).ref(), i);
    }
    return index;
  }

  /** The same problem with every budget limit at {@code ceiling} (the efficient frontier). */
  public SelectionProblem withBudget(double ceiling) {
    List<Limit> moved = new ArrayList<>();
    for (Limit limit : limits) {
      moved.add(limit.kind() == Limit.Kind.BUDGET ? limit.withCapacity(ceiling) : limit);
    }
    return new SelectionProblem(candidates, moved, dependencies);
  }
}
