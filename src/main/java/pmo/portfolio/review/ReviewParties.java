package pmo.portfolio.review;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import pmo.platform.engine.CaseParties;

/**
 * The people on a portfolio review, from the stored review, for the four-eyes rules of its tasks: the proposer (who
 * submitted the latest round; may not approve it) and the reviewer (the steering member who sent the latest round
 * back; may not rewrite the proposal).
 */
@Component
class ReviewParties implements CaseParties {

  static final String PROPOSER = "proposer";
  static final String REVIEWER = "reviewer";

  private final ReviewRepository reviews;

  ReviewParties(ReviewRepository reviews) {
    this.reviews = reviews;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(PortfolioReviewProcess.KEY);
  }

  @Override
  public Set<String> roles() {
    return Set.of(PROPOSER, REVIEWER);
  }

  @Override
  public Map<String, String> parties(String processInstanceId) {
    Map<String, String> parties = new HashMap<>();
    reviews.byProcess(processInstanceId).ifPresent(review -> {
      if (review.proposedBy() != null) {
        parties.put(PROPOSER, review.proposedBy());
      }
      List<ReviewRepository.Round> rounds = reviews.rounds(review.id());
      if (!rounds.isEmpty()) {
        ReviewRepository.Round last = rounds.get(rounds.size() - 1);
        if (last.steeringDecision() == ReviewDecisions.Steering.SEND_BACK) {
          parties.put(REVIEWER, last.steeringBy());
        }
      }
    });
    return parties;
  }
}
