package pmo.improvement.standard;

import static pmo.improvement.standard.StandardsReviewProcess.ANALYTICS_SUMMARY;
import static pmo.improvement.standard.StandardsReviewProcess.CHANGE_NEEDED;
import static pmo.improvement.standard.StandardsReviewProcess.EXPECTED_BENEFIT;
import static pmo.improvement.standard.StandardsReviewProcess.OPEN_PROPOSALS;
import static pmo.improvement.standard.StandardsReviewProcess.PROBLEM_SEEN;
import static pmo.improvement.standard.StandardsReviewProcess.PROCESS_NAME;
import static pmo.improvement.standard.StandardsReviewProcess.PROPOSED_CHANGE;
import static pmo.improvement.standard.StandardsReviewProcess.REASON;
import static pmo.improvement.standard.StandardsReviewProcess.REVIEWED_PROCESS;
import static pmo.platform.engine.Tasklist.SUBJECT;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Java steps of processes/standards-review.bpmn: open the review (its items, from the deployed processes, their
 * analytics and open proposals), show each review task its item (task-local variables, from the stored item), record
 * each owner's review (a change needed becomes an improvement proposal), close the review. The review is found by the
 * process instance, the item by the task's own multi-instance element.
 */
@Configuration(proxyBeanMethods = false)
class StandardsReviewSteps {

  @Bean
  JavaDelegate prepareStandardsReview(StandardsReviewService service) {
    return execution -> {
      Review review = service.open(REASON.get(execution), execution.getProcessInstanceId());
      execution.setProcessBusinessKey(review.reference());
      SUBJECT.set(execution, "Standards review " + review.id() + " (" + review.items().size() + " processes)");
    };
  }

  /** On creation of each review task: what its owner reviews. */
  @Bean
  TaskListener showReviewItem(StandardsReviewService service) {
    return task -> {
      ReviewItem item = service.item(task.getProcessInstanceId(), REVIEWED_PROCESS.get(task));
      task.setVariableLocal(PROCESS_NAME.name(), item.processName());
      task.setVariableLocal(ANALYTICS_SUMMARY.name(), item.analyticsSummary());
      task.setVariableLocal(OPEN_PROPOSALS.name(), item.openProposals());
      task.setVariableLocal(SUBJECT.name(), "Standards review " + item.reviewId() + ": " + item.processName());
    };
  }

  /** On completion of each review task: the owner's answer, before the task ends. */
  @Bean
  TaskListener recordProcessReview(StandardsReviewService service) {
    return task -> service.review(task.getProcessInstanceId(), REVIEWED_PROCESS.get(task), CHANGE_NEEDED.get(task),
        PROBLEM_SEEN.get(task), PROPOSED_CHANGE.get(task), EXPECTED_BENEFIT.get(task));
  }

  @Bean
  JavaDelegate closeStandardsReview(StandardsReviewService service) {
    return execution -> service.close(execution.getProcessInstanceId());
  }
}
