package pmo.portfolio.selection;

import java.util.List;

/** A candidate left out of a selection, with every constraint that keeps it out; the first is the main one. */
public record Exclusion(String ref, String name, List<Cause> causes) {

  public Exclusion {
    causes = List.copyOf(causes);
  }

  public Cause primary() {
    return causes.get(0);
  }
}
