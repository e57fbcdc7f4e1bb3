package pmo.portfolio.selection;

import java.util.List;
import java.util.Map;

/**
 * The answer of the optimiser: the chosen candidates and their total score (the objective), how much of each limit
 * they use, why each other candidate was left out, and the greedy choice (best score first while it fits) beside it.
 * {@code bound} is an upper bound of the best possible objective: equal to the objective when the solver proved it
 * optimal; when it stopped at its time limit, the bound of the linear relaxation, and {@code gap} is
 * (bound − objective) / bound. An infeasible problem (the pinned projects alone break a limit or a dependency) has
 * no selection and says why in {@code infeasibility}.
 */
public record Selection(Status status, List<String> chosen, double objective, double bound, double gap,
    Map<String, Double> used, List<Exclusion> leftOut, GreedyChoice greedy, List<String> infeasibility,
    long millis) {

  public enum Status {
    /** Proven optimal. */
    OPTIMAL,
    /** The best selection found within the time limit; {@code gap} says how far from optimal it can be. */
    TIME_LIMIT,
    /** No selection satisfies the pins and the constraints. */
    INFEASIBLE
  }

  /** The greedy choice: candidates by score, best first, each taken (with what it requires) while everything fits. */
  public record GreedyChoice(List<String> chosen, double objective) {
  }

  public boolean feasible() {
    return status != Status.INFEASIBLE;
  }
}
