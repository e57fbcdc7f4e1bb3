package pmo.escalation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one escalation step of every process model ({@code camunda:delegateExpression="${escalateCase}"}): it reads what
 * the model says ({@link EscalationStep}), finds the capability whose cases the process runs ({@link EscalatedCases},
 * by process key) and records the step with {@link EscalationService}; the case is found by the process instance the
 * step runs in, never by a variable. One bean rather than one per capability: the steps differ only in what the
 * model and the case say, so a process owner models every escalation the same way.
 */
@Configuration(proxyBeanMethods = false)
class EscalationSteps {

  @Bean
  JavaDelegate escalateCase(EscalationService escalations, List<EscalatedCases> all) {
    Map<String, EscalatedCases> byProcess = new HashMap<>();
    for (EscalatedCases cases : all) {
      for (String key : cases.processKeys()) {
        if (byProcess.put(key, cases) != null) {
          throw new IllegalStateException("two capabilities escalate the cases of process '" + key + "'");
        }
      }
    }
    return execution -> {
      String processKey = ((ExecutionEntity) execution).getProcessDefinition().getKey();
      EscalatedCases cases = byProcess.get(processKey);
      if (cases == null) {
        throw new IllegalStateException("escalateCase runs in process '" + processKey + "', whose cases do not"
            + " escalate (known: " + byProcess.keySet() + ")");
      }
      escalations.escalate(cases, execution.getProcessInstanceId(), EscalationStep.of(execution), execution)
          .ifPresent(escalation -> EscalationStep.REASON.set(execution, escalation.reason()));
    };
  }
}
