package pmo.portfolio.selection;

import java.util.List;

/**
 * One point of the efficient frontier: the best total score reachable with an annual budget ceiling of
 * {@code budget}, what it spends (over all budget years) and which candidates it chooses. {@code current} marks the
 * point at the ceiling the what-if was asked with.
 */
public record FrontierPoint(double budget, double objective, double spent, List<String> chosen, boolean current,
    Selection.Status status) {

  public FrontierPoint {
    chosen = List.copyOf(chosen);
  }
}
