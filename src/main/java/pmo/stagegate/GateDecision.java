package pmo.stagegate;

import java.util.Arrays;
import pmo.platform.InputErrors;

/** What a gate board decides (Cooper): the values are those of the decision form. */
public enum GateDecision {
  /** The project moves to the next stage. */
  GO("go"),
  /** The project is cancelled; its lifecycle ends through closure. */
  KILL("kill"),
  /** The project is paused; the review re-opens on a chosen date. */
  HOLD("hold"),
  /** Back to the stage's work with rework notes, then the gate again. */
  RECYCLE("recycle");

  final String value;

  GateDecision(String value) {
    this.value = value;
  }

  /** The decision of a form value; adds a field error and returns null when there is none. */
  static GateDecision of(String value, InputErrors errors, String field) {
    GateDecision decision = Arrays.stream(values()).filter(d -> d.value.equals(value)).findFirst().orElse(null);
    if (decision == null) {
      errors.add(field, value == null || value.isBlank() ? "is required"
          : "must be one of go, kill, hold, recycle, not '" + value + "'");
    }
    return decision;
  }

  /** Go and Kill end the gate review; Hold and Recycle keep it open. */
  boolean endsReview() {
    return this == GO || this == KILL;
  }
}
