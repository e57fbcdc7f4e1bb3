package pmo.portfolio.selection;

/**
 * A constraint between two candidates: {@code project} REQUIRES {@code other} (it may be chosen only with it), or
 * {@code project} EXCLUDES {@code other} (they are never chosen together; symmetric).
 */
public record Dependency(String project, Kind kind, String other) {

  public enum Kind {
    REQUIRES, EXCLUDES
  }
}
