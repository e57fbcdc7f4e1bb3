package pmo.change;

import pmo.platform.Choice;

/** The approval routes the routing DMN chooses from. */
public enum Route implements Choice {
  /** A standard change within the pre-approved limits: no approval task. */
  PRE_APPROVED,
  /** A small normal change: one PMO approval. */
  PMO,
  /** A larger change: the change board votes. */
  BOARD,
  /** The largest changes, or a major quality impact: the change board votes, then the steering committee decides. */
  BOARD_AND_STEERING,
  /** An emergency: expedited PMO approval now, the change board reviews it after implementation. */
  EMERGENCY;

  /** The route in words, as the decision forms show it. */
  public String words() {
    return switch (this) {
      case PRE_APPROVED -> "Pre-approved standard change (no approval step)";
      case PMO -> "PMO approval";
      case BOARD -> "Change control board";
      case BOARD_AND_STEERING -> "Change control board, then the steering committee";
      case EMERGENCY -> "Emergency: expedited PMO approval now, change control board review afterwards";
    };
  }

  /** The routing decision table's output: the constant's name. */
  @Override
  public String value() {
    return name();
  }
}
