package pmo.portfolio.selection;

/**
 * Why a candidate is not in a selection: the constraint it would break if it were added to the chosen set as it is.
 * For a budget or capacity limit, {@code constraint} is the limit's id, with what the candidate needs and what the
 * chosen set leaves; for a dependency, {@code constraint} is the other project.
 */
public record Cause(Kind kind, String constraint, String label, double needed, double left, String text) {

  public enum Kind {
    /** Pinned out by whoever asked. */
    PINNED_OUT,
    /** It requires a project that is not chosen, or excludes one that is. */
    DEPENDENCY,
    /** The budget ceiling of a year of the horizon. */
    BUDGET,
    /** The capacity of a role in a month. */
    CAPACITY,
    /** It has no score (or a score of 0): choosing it adds nothing. */
    NO_SCORE,
    /** The solver stopped at its time limit before it could show that the candidate does not belong. */
    NOT_REACHED
  }
}
