package pmo.portfolio.selection;

import java.util.Map;

/**
 * A project or proposal the selection may choose: its reference, its weighted score (the objective counts it when
 * chosen; 0 for an unscored candidate), what it uses of each {@link Limit} (by limit id: its cost in a budget year,
 * its FTE in a role and month) and whether it is pinned.
 */
public record Candidate(String ref, String name, double score, Map<String, Double> usage, Pin pin) {

  public Candidate {
    usage = Map.copyOf(usage);
    pin = pin == null ? Pin.FREE : pin;
  }

  /** What this candidate uses of a limit (0 when nothing). */
  public double uses(String limitId) {
    return usage.getOrDefault(limitId, 0.0);
  }

  /** This candidate with another pin. */
  public Candidate pinned(Pin other) {
    return new Candidate(ref, name, score, usage, other);
  }

  /** Whether the selection must take the candidate, must leave it out, or is free to choose. */
  public enum Pin {
    FREE, IN, OUT
  }
}
