package pmo.notice;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The step of the internal process {@code case-confirmation} that sent confirmations until 1 December 2026 (its
 * business key was the confirmed case's reference). Confirmations are now sent by a system job ({@link Confirmations});
 * the step stays so that instances a database still holds from before finish.
 */
@Configuration(proxyBeanMethods = false)
class NoticeSteps {

  @Bean
  JavaDelegate sendCaseConfirmation(Confirmations confirmations) {
    return execution -> confirmations.send(execution.getProcessBusinessKey());
  }
}
