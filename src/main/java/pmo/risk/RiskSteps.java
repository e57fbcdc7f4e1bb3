package pmo.risk;

import static pmo.platform.engine.Tasklist.SUBJECT;
import static pmo.risk.RiskProcess.ASSESSED;
import static pmo.risk.RiskProcess.ASSESSMENT_COMMENT;
import static pmo.risk.RiskProcess.DUE_DATE;
import static pmo.risk.RiskProcess.ESCALATION_RULE;
import static pmo.risk.RiskProcess.ESCALATION_TRIGGER;
import static pmo.risk.RiskProcess.IMPACT;
import static pmo.risk.RiskProcess.ISSUE_SEVERITY;
import static pmo.risk.RiskProcess.MONETARY_IMPACT;
import static pmo.risk.RiskProcess.OWNER;
import static pmo.risk.RiskProcess.PMO_COMMENT;
import static pmo.risk.RiskProcess.PMO_DECISION;
import static pmo.risk.RiskProcess.PROBABILITY;
import static pmo.risk.RiskProcess.PROJECT_MANAGER;
import static pmo.risk.RiskProcess.RAISED_BY;
import static pmo.risk.RiskProcess.RESIDUAL_COMMENT;
import static pmo.risk.RiskProcess.RESPONSE_PLAN;
import static pmo.risk.RiskProcess.RESPONSE_STRATEGY;
import static pmo.risk.RiskProcess.RISK_LEVEL;
import static pmo.risk.RiskProcess.STEERING_COMMENT;
import static pmo.risk.RiskProcess.STEERING_DECISION;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import pmo.escalation.EscalationTrigger;
import pmo.notice.Confirmations.Confirmation;
import pmo.notice.Confirmations;
import pmo.notice.Text;

/**
 * The Java steps of processes/risk-escalation.bpmn. Each finds its risk by the process instance it runs in (never by
 * a variable: README, "Governance that cannot be bypassed"), reads the form through {@link RiskProcess}, calls a risk service and writes back what a
 * gateway, a decision table or a later form needs.
 */
@Configuration(proxyBeanMethods = false)
class RiskSteps {

  @Bean
  JavaDelegate recordRisk(RiskService risks, Confirmations confirmations) {
    return execution -> {
      NewRisk draft = RiskProcess.draft(execution);
      Risk risk = risks.record(draft, execution.getProcessInstanceId());
      execution.setProcessBusinessKey(risk.code());
      // the stored risk's parties; the initiator and the start form's owner are mostly the same already
      RAISED_BY.setIfChanged(execution, risk.raisedBy());
      OWNER.setIfChanged(execution, risk.owner());
      String manager = risks.projectManager(risk.projectId());
      PROJECT_MANAGER.set(execution, manager);
      // read only by the gateway right after this step
      ASSESSED.setTransient(execution, draft.isAssessed());
      SUBJECT.set(execution, "Risk " + risk.code() + ": " + risk.title());
      confirmations.confirm(new Confirmation(Text.of("case.risk"), risk.code(), risk.title(), risk.raisedBy(),
          risk.projectId(), draft.isAssessed() ? Text.of("waits.riskResponse", risk.owner())
              : manager != null ? Text.of("waits.riskAssessment", manager)
              : Text.of("waits.riskAssessment.anyManager")));
    };
  }

  @Bean
  JavaDelegate recordRiskAssessment(RiskService risks) {
    return execution -> risks.assess(riskOf(risks, execution), PROBABILITY.get(execution), IMPACT.get(execution),
        MONETARY_IMPACT.get(execution), RISK_LEVEL.get(execution), ASSESSMENT_COMMENT.get(execution));
  }

  @Bean
  JavaDelegate recordRiskResponse(RiskService risks) {
    return execution -> risks.planResponse(riskOf(risks, execution), RESPONSE_STRATEGY.get(execution),
        RESPONSE_PLAN.get(execution), DUE_DATE.get(execution));
  }

  @Bean
  JavaDelegate recordRiskResidual(RiskService risks) {
    return execution -> {
      risks.reportResidual(riskOf(risks, execution), PROBABILITY.get(execution), IMPACT.get(execution),
          RISK_LEVEL.get(execution), RESIDUAL_COMMENT.get(execution));
      ESCALATION_TRIGGER.set(execution, EscalationTrigger.RESIDUAL);
    };
  }

  @Bean
  JavaDelegate convertRiskToIssue(RiskService risks) {
    return execution -> risks.materialise(riskOf(risks, execution), ISSUE_SEVERITY.get(execution),
        RESIDUAL_COMMENT.get(execution));
  }

  @Bean
  JavaDelegate recordRiskReportOverdue(RiskService risks, RiskEscalationService escalations) {
    return execution -> {
      escalations.reportOverdue(riskOf(risks, execution));
      ESCALATION_TRIGGER.set(execution, EscalationTrigger.REPORT_OVERDUE);
    };
  }

  @Bean
  JavaDelegate recordRiskReviewOverdue(RiskService risks, RiskEscalationService escalations) {
    return execution -> {
      escalations.reviewOverdue(riskOf(risks, execution));
      ESCALATION_TRIGGER.set(execution, EscalationTrigger.REVIEW_OVERDUE);
    };
  }

  /**
   * Version 1.0.0 of risk-escalation.bpmn named its escalation steps so; its instances that still run keep working
   * through this (from 1.1.0 they are {@code ${escalateCase}}, which reads the same variables). Remove once no
   * instance of 1.0.0 runs.
   */
  @Bean
  JavaDelegate recordRiskEscalation(@Qualifier("escalateCase") JavaDelegate escalateCase) {
    return escalateCase::execute;
  }

  @Bean
  JavaDelegate closeRisk(RiskService risks, RiskEscalationService escalations) {
    return execution -> escalations.close(riskOf(risks, execution), ESCALATION_RULE.require(execution));
  }

  @Bean
  JavaDelegate recordRiskPmoDecision(RiskService risks, RiskEscalationService escalations) {
    return execution -> {
      RiskDecision decision = escalations.decide(riskOf(risks, execution), AssessmentKind.PMO_DECISION,
          PMO_DECISION.get(execution), PMO_COMMENT.get(execution));
      if (decision == RiskDecision.ESCALATE) {
        ESCALATION_TRIGGER.set(execution, EscalationTrigger.PMO_ESCALATED);
      }
    };
  }

  @Bean
  JavaDelegate recordRiskSteeringDecision(RiskService risks, RiskEscalationService escalations) {
    return execution -> escalations.decide(riskOf(risks, execution), AssessmentKind.STEERING_DECISION,
        STEERING_DECISION.get(execution), STEERING_COMMENT.get(execution));
  }

  private static long riskOf(RiskService risks, DelegateExecution execution) {
    return risks.idOfProcess(execution.getProcessInstanceId());
  }
}
