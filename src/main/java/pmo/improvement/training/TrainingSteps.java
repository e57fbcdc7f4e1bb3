package pmo.improvement.training;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Java steps of processes/training-expiry.bpmn: queue the expiry reminders that are due (in the run's transaction)
 * and send them (an asynchronous step, retried). Each run finds its reminders by its own process instance.
 */
@Configuration(proxyBeanMethods = false)
class TrainingSteps {

  @Bean
  JavaDelegate queueTrainingReminders(TrainingReminders reminders) {
    return execution -> reminders.queue(execution.getProcessInstanceId());
  }

  @Bean
  JavaDelegate sendTrainingReminders(TrainingReminders reminders) {
    return execution -> reminders.send(execution.getProcessInstanceId());
  }
}
