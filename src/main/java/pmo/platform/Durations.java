package pmo.platform;

import java.time.Duration;

/** Durations as the configuration writes them (ISO-8601), for texts that name a setting and for engine timers. */
public final class Durations {

  private Durations() {
  }

  /** Whole days as {@code P3D} (not {@code PT72H}), anything else as {@code PT8H}. */
  public static String iso(Duration duration) {
    return !duration.isZero() && duration.toSeconds() % 86400 == 0 && duration.getNano() == 0
        ? "P" + duration.toDays() + "D" : duration.toString();
  }
}
