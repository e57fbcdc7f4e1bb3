package pmo.improvement.training;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One completed course: who, which course, when, until when it counts (exclusive), whether it came over REST or in a
 * CSV upload, who recorded it when, and when its holder was reminded of its expiry (null: not yet).
 */
public record Completion(long id, String person, String courseId, LocalDate completedOn, LocalDate expiresOn,
    String source, String recordedBy, OffsetDateTime recordedAt, OffsetDateTime remindedAt) {

  /** Whether it counts on {@code day}. */
  public boolean validOn(LocalDate day) {
    return !day.isBefore(completedOn) && day.isBefore(expiresOn);
  }
}
