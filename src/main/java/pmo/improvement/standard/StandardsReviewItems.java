package pmo.improvement.standard;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The governance processes a standards review goes through, one review task each, as the model's multi-instance task
 * reads them: {@code ${standardsReviewItems.of(execution.processInstanceId)}}, from the stored review, never from a
 * variable.
 */
@Component("standardsReviewItems")
public class StandardsReviewItems {

  private final ReviewRepository reviews;

  StandardsReviewItems(ReviewRepository reviews) {
    this.reviews = reviews;
  }

  public List<String> of(String processInstanceId) {
    long review = reviews.idOfProcess(processInstanceId).orElseThrow(() -> new IllegalStateException(
        "process instance " + processInstanceId + " has recorded no standards review"));
    return reviews.items(review).stream().map(ReviewItem::processKey).toList();
  }
}
