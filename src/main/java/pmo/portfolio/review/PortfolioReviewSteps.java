package pmo.portfolio.review;

import static pmo.platform.engine.Tasklist.SUBJECT;
import static pmo.portfolio.review.PortfolioReviewProcess.DECISION_SUMMARY;
import static pmo.portfolio.review.PortfolioReviewProcess.OCCASION;
import static pmo.portfolio.review.PortfolioReviewProcess.OTHER_PROJECT_DECISIONS;
import static pmo.portfolio.review.PortfolioReviewProcess.PROJECT_DECISIONS;
import static pmo.portfolio.review.PortfolioReviewProcess.PROPOSAL_DECISIONS;
import static pmo.portfolio.review.PortfolioReviewProcess.PROPOSAL_NOTE;
import static pmo.portfolio.review.PortfolioReviewProcess.REVIEW_OPENED;
import static pmo.portfolio.review.PortfolioReviewProcess.REVIEW_PACK;
import static pmo.portfolio.review.PortfolioReviewProcess.STEERING_COMMENT;
import static pmo.portfolio.review.PortfolioReviewProcess.STEERING_DECISION;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Java steps of processes/portfolio-review.bpmn. Each finds its review by the process instance it runs in (never
 * by a variable), reads the forms through {@link PortfolioReviewProcess} and calls the review services.
 */
@Configuration(proxyBeanMethods = false)
class PortfolioReviewSteps {

  /** The schedule's step: starts a review as the system (it is skipped when another review is still open). */
  @Bean
  JavaDelegate startScheduledReview(pmo.platform.engine.SystemActions system) {
    return execution -> system.startProcess(PortfolioReviewProcess.KEY, null,
        java.util.Map.of(OCCASION.name(), "Scheduled review (pmo.portfolio.review.cycle)"));
  }

  @Bean
  JavaDelegate compileReviewPack(ReviewService reviews) {
    return execution -> {
      ReviewService.Opened opened = reviews.open(execution.getProcessInstanceId(), OCCASION.get(execution));
      REVIEW_OPENED.set(execution, opened.opened());
      SUBJECT.set(execution, "Portfolio review " + opened.id());
      if (opened.opened()) {
        // a review that found another one open ends at once and keeps no reference of its own
        execution.setProcessBusinessKey(ReviewService.reference(opened.id()));
        REVIEW_PACK.set(execution, opened.summary());
        PROJECT_DECISIONS.set(execution, opened.projectRows());
        OTHER_PROJECT_DECISIONS.set(execution, java.util.List.of());
        PROPOSAL_DECISIONS.set(execution, opened.proposalRows());
      }
    };
  }

  @Bean
  JavaDelegate recordReviewProposal(ReviewService reviews) {
    return execution -> {
      String summary = reviews.propose(reviewOf(reviews, execution), PROJECT_DECISIONS.get(execution),
          OTHER_PROJECT_DECISIONS.get(execution), PROPOSAL_DECISIONS.get(execution), PROPOSAL_NOTE.get(execution));
      DECISION_SUMMARY.set(execution, summary);
      // the steering committee answers this round afresh
      STEERING_DECISION.remove(execution);
      STEERING_COMMENT.remove(execution);
    };
  }

  @Bean
  JavaDelegate recordReviewApproval(ReviewService reviews) {
    return execution -> reviews.steer(reviewOf(reviews, execution), STEERING_DECISION.get(execution),
        STEERING_COMMENT.get(execution));
  }

  @Bean
  JavaDelegate applyReviewDecisions(ReviewService reviews, ReviewApplier applier) {
    return execution -> applier.apply(reviewOf(reviews, execution));
  }

  @Bean
  JavaDelegate sendReviewNotices(ReviewService reviews, ReviewApplier applier) {
    return execution -> applier.sendPending(reviewOf(reviews, execution));
  }

  /** At the end of every review instance: one ended from outside (deleted) is marked cancelled. */
  @Bean
  ExecutionListener closePortfolioReview(ReviewService reviews) {
    return execution -> reviews.close(execution.getProcessInstanceId(),
        execution.isCanceled() ? "process ended: " + execution.getCurrentActivityName() : null);
  }

  private static long reviewOf(ReviewService reviews, DelegateExecution execution) {
    return reviews.idOfProcess(execution.getProcessInstanceId());
  }
}
