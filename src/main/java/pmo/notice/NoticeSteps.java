package pmo.notice;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The step of processes/case-confirmation.bpmn, whose business key is the confirmed case's reference. */
@Configuration(proxyBeanMethods = false)
class NoticeSteps {

  @Bean
  JavaDelegate sendCaseConfirmation(Confirmations confirmations) {
    return execution -> confirmations.send(execution.getProcessBusinessKey());
  }
}
