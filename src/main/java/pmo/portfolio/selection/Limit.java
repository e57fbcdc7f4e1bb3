package pmo.portfolio.selection;

/**
 * What a selection must stay within: the budget ceiling of one year of the horizon, or the capacity of one role in one
 * month. {@code id} is what candidates' usage refers to; {@code label} names it for people ("budget 2026",
 * "developer 2026-03").
 */
public record Limit(String id, Kind kind, String label, double capacity) {

  public enum Kind {
    BUDGET, CAPACITY
  }

  /** This limit with another capacity (the efficient frontier moves the budget ceiling). */
  public Limit withCapacity(double other) {
    return new Limit(id, kind, label, other);
  }
}
