package pmo.improvement.standard;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Java step of processes/standards-review-cycle.bpmn: start a standards review, as the system. */
@Configuration(proxyBeanMethods = false)
class StandardsReviewCycleSteps {

  @Bean
  JavaDelegate startStandardsReview(StandardsReviewService service) {
    return execution -> service.startOnCycle();
  }
}
