package pmo.improvement.standard;

import org.springframework.stereotype.Component;

/**
 * When processes/standards-review-cycle.bpmn starts a standards review, as its timer start event reads it:
 * {@code ${standardsReviewSchedule.cycle()}} (pmo.improvement.standards-review.cycle, a cron expression). The engine
 * reads it when the model is deployed and when the timer next fires.
 */
@Component("standardsReviewSchedule")
public class StandardsReviewSchedule {

  private final StandardsReviewSettings settings;

  StandardsReviewSchedule(StandardsReviewSettings settings) {
    this.settings = settings;
  }

  public String cycle() {
    return settings.cycle();
  }
}
