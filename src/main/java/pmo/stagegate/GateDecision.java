package pmo.stagegate;

import pmo.platform.Choice;

/** What a gate board decides (Cooper): the values are those of the decision form. */
public enum GateDecision implements Choice {
  /** The project moves to the next stage. */
  GO,
  /** The project is cancelled; its lifecycle ends through closure. */
  KILL,
  /** The project is paused; the review re-opens on a chosen date. */
  HOLD,
  /** Back to the stage's work with rework notes, then the gate again. */
  RECYCLE;

  /** Go and Kill end the gate review; Hold and Recycle keep it open. */
  boolean endsReview() {
    return this == GO || this == KILL;
  }
}
