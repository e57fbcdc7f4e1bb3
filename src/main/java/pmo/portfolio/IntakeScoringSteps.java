package pmo.portfolio;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The portfolio's task listeners on intake screening (processes/project-intake.bpmn, task Screen proposal): offer the
 * scoring criteria when the task opens, record the scores when it completes ({@link IntakeScoring}).
 */
@Configuration(proxyBeanMethods = false)
class IntakeScoringSteps {

  @Bean
  TaskListener offerScoringCriteria(IntakeScoring scoring) {
    return scoring::offer;
  }

  @Bean
  TaskListener recordScreeningScores(IntakeScoring scoring) {
    return scoring::record;
  }
}
