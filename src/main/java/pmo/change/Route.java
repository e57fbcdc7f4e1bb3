package pmo.change;

import java.util.Arrays;

/** The approval routes the routing DMN chooses from. */
public enum Route {
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

  static Route of(String value) {
    return Arrays.stream(values()).filter(r -> r.name().equals(value)).findFirst()
        .orElseThrow(() -> new IllegalStateException("the routing decision returned an unknown route '" + value
            + "' (expected one of " + Arrays.toString(values()) + ")"));
  }
}
