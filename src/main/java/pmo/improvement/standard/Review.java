package pmo.improvement.standard;

import java.time.OffsetDateTime;
import java.util.List;

/** A standards review: why, who started it (or {@code system} for the cycle), when, its status and its items. */
public record Review(long id, String reason, String startedBy, OffsetDateTime startedAt, String status,
    OffsetDateTime closedAt, String processInstanceId, List<ReviewItem> items) {

  /** The review's reference: the business key of its process and the first word of its tasks. */
  public String reference() {
    return "STR-" + id;
  }
}
