package pmo.portfolio;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The portfolio's task listeners on the gate package (processes/gate-review.bpmn, task Submit gate package): offer the
 * staffing table at G1 and G2 when the task opens, replace the project's staffing plan with it when the task completes
 * ({@link GateStaffing}).
 */
@Configuration(proxyBeanMethods = false)
class GateStaffingSteps {

  @Bean
  TaskListener offerStaffingTable(GateStaffing staffing) {
    return staffing::offer;
  }

  @Bean
  TaskListener recordStaffing(GateStaffing staffing) {
    return staffing::record;
  }
}
