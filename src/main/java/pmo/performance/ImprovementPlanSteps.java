package pmo.performance;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Java steps of processes/improvement-plan.bpmn; each finds its plan by the process instance it runs in. */
@Configuration(proxyBeanMethods = false)
class ImprovementPlanSteps {

  @Bean
  JavaDelegate recordImprovementPlan(ImprovementPlans plans) {
    return execution -> plans.recordDraft(plans.idOfProcess(execution.getProcessInstanceId()),
        ImprovementPlanProcess.ACTIONS.get(execution));
  }

  @Bean
  JavaDelegate recordImprovementPlanDecision(ImprovementPlans plans) {
    return execution -> plans.decide(plans.idOfProcess(execution.getProcessInstanceId()),
        ImprovementPlanProcess.PMO_DECISION.get(execution), ImprovementPlanProcess.PMO_COMMENT.get(execution));
  }
}
