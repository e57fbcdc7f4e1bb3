package pmo.risk;

import static pmo.platform.engine.Tasklist.SUBJECT;
import static pmo.risk.RiskProcess.ASSESSED;
import static pmo.risk.RiskProcess.ASSESSMENT_COMMENT;
import static pmo.risk.RiskProcess.CATEGORY;
import static pmo.risk.RiskProcess.CAUSE;
import static pmo.risk.RiskProcess.DESCRIPTION;
import static pmo.risk.RiskProcess.DUE_DATE;
import static pmo.risk.RiskProcess.EFFECT;
import static pmo.risk.RiskProcess.ESCALATE_TO;
import static pmo.risk.RiskProcess.ESCALATION_LEVEL;
import static pmo.risk.RiskProcess.ESCALATION_REASON;
import static pmo.risk.RiskProcess.ESCALATION_RULE;
import static pmo.risk.RiskProcess.ESCALATION_TRIGGER;
import static pmo.risk.RiskProcess.IMPACT;
import static pmo.risk.RiskProcess.ISSUE_ID;
import static pmo.risk.RiskProcess.ISSUE_SEVERITY;
import static pmo.risk.RiskProcess.MONETARY_IMPACT;
import static pmo.risk.RiskProcess.OWNER;
import static pmo.risk.RiskProcess.PMO_COMMENT;
import static pmo.risk.RiskProcess.PMO_DECISION;
import static pmo.risk.RiskProcess.PROBABILITY;
import static pmo.risk.RiskProcess.PROJECT_ID;
import static pmo.risk.RiskProcess.PROJECT_MANAGER;
import static pmo.risk.RiskProcess.RAISED_BY;
import static pmo.risk.RiskProcess.RESIDUAL_COMMENT;
import static pmo.risk.RiskProcess.RESPONSE_PLAN;
import static pmo.risk.RiskProcess.RESPONSE_STRATEGY;
import static pmo.risk.RiskProcess.RISK_ID;
import static pmo.risk.RiskProcess.RISK_LEVEL;
import static pmo.risk.RiskProcess.STEERING_COMMENT;
import static pmo.risk.RiskProcess.STEERING_DECISION;
import static pmo.risk.RiskProcess.TITLE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import pmo.issue.Escalation;

/** The risk process's service tasks: each reads its variables, calls {@link RiskService}, writes the result. */
final class RiskDelegates {

  private RiskDelegates() {
  }

  static NewRisk draft(DelegateExecution execution) {
    return new NewRisk(PROJECT_ID.get(execution), TITLE.get(execution), DESCRIPTION.get(execution),
        CATEGORY.get(execution), CAUSE.get(execution), EFFECT.get(execution), OWNER.get(execution),
        DUE_DATE.get(execution), PROBABILITY.get(execution), IMPACT.get(execution), MONETARY_IMPACT.get(execution));
  }

  @Component("recordRisk")
  static class RecordRisk implements JavaDelegate {

    private final RiskService risks;

    RecordRisk(RiskService risks) {
      this.risks = risks;
    }

    @Override
    public void execute(DelegateExecution execution) {
      NewRisk draft = draft(execution);
      Risk risk = risks.record(draft, RAISED_BY.get(execution), execution.getProcessInstanceId());
      RISK_ID.set(execution, risk.id());
      PROJECT_MANAGER.set(execution, risks.projectManager(risk.projectId()));
      ASSESSED.set(execution, draft.isAssessed());
      SUBJECT.set(execution, "Risk " + risk.code() + ": " + risk.title());
    }
  }

  @Component("recordRiskAssessment")
  static class RecordAssessment implements JavaDelegate {

    private final RiskService risks;

    RecordAssessment(RiskService risks) {
      this.risks = risks;
    }

    @Override
    public void execute(DelegateExecution execution) {
      risks.assess(RISK_ID.require(execution), PROBABILITY.get(execution), IMPACT.get(execution),
          MONETARY_IMPACT.get(execution), RISK_LEVEL.get(execution), ASSESSMENT_COMMENT.get(execution));
    }
  }

  @Component("recordRiskResponse")
  static class RecordResponse implements JavaDelegate {

    private final RiskService risks;

    RecordResponse(RiskService risks) {
      this.risks = risks;
    }

    @Override
    public void execute(DelegateExecution execution) {
      risks.planResponse(RISK_ID.require(execution), RESPONSE_STRATEGY.get(execution), RESPONSE_PLAN.get(execution),
          DUE_DATE.get(execution));
    }
  }

  @Component("recordRiskResidual")
  static class RecordResidual implements JavaDelegate {

    private final RiskService risks;

    RecordResidual(RiskService risks) {
      this.risks = risks;
    }

    @Override
    public void execute(DelegateExecution execution) {
      risks.reportResidual(RISK_ID.require(execution), PROBABILITY.get(execution), IMPACT.get(execution),
          RISK_LEVEL.get(execution), RESIDUAL_COMMENT.get(execution));
      ESCALATION_TRIGGER.set(execution, EscalationTrigger.RESIDUAL.value);
    }
  }

  @Component("convertRiskToIssue")
  static class ConvertToIssue implements JavaDelegate {

    private final RiskService risks;

    ConvertToIssue(RiskService risks) {
      this.risks = risks;
    }

    @Override
    public void execute(DelegateExecution execution) {
      ISSUE_ID.set(execution, risks.materialise(RISK_ID.require(execution), ISSUE_SEVERITY.get(execution),
          RESIDUAL_COMMENT.get(execution)).id());
    }
  }

  @Component("recordRiskReportOverdue")
  static class RecordReportOverdue implements JavaDelegate {

    private final RiskEscalationService risks;

    RecordReportOverdue(RiskEscalationService risks) {
      this.risks = risks;
    }

    @Override
    public void execute(DelegateExecution execution) {
      risks.reportOverdue(RISK_ID.require(execution));
      ESCALATION_TRIGGER.set(execution, EscalationTrigger.REPORT_OVERDUE.value);
    }
  }

  @Component("recordRiskReviewOverdue")
  static class RecordReviewOverdue implements JavaDelegate {

    private final RiskEscalationService risks;

    RecordReviewOverdue(RiskEscalationService risks) {
      this.risks = risks;
    }

    @Override
    public void execute(DelegateExecution execution) {
      risks.reviewOverdue(RISK_ID.require(execution));
      ESCALATION_TRIGGER.set(execution, EscalationTrigger.REVIEW_OVERDUE.value);
    }
  }

  /** Both escalation steps: the target, level and rule come from risk-escalation-level.dmn. */
  @Component("recordRiskEscalation")
  static class RecordEscalation implements JavaDelegate {

    private final RiskEscalationService risks;

    RecordEscalation(RiskEscalationService risks) {
      this.risks = risks;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Escalation escalation = risks.escalate(RISK_ID.require(execution), ESCALATION_TRIGGER.require(execution),
          ESCALATE_TO.require(execution), ESCALATION_LEVEL.get(execution), ESCALATION_RULE.require(execution),
          PMO_COMMENT.get(execution));
      ESCALATION_REASON.set(execution, escalation.reason());
    }
  }

  @Component("closeRisk")
  static class CloseRisk implements JavaDelegate {

    private final RiskEscalationService risks;

    CloseRisk(RiskEscalationService risks) {
      this.risks = risks;
    }

    @Override
    public void execute(DelegateExecution execution) {
      risks.close(RISK_ID.require(execution), ESCALATION_RULE.require(execution));
    }
  }

  @Component("recordRiskPmoDecision")
  static class RecordPmoDecision implements JavaDelegate {

    private final RiskEscalationService risks;

    RecordPmoDecision(RiskEscalationService risks) {
      this.risks = risks;
    }

    @Override
    public void execute(DelegateExecution execution) {
      RiskDecision decision = risks.decide(RISK_ID.require(execution), AssessmentKind.PMO_DECISION,
          PMO_DECISION.get(execution), PMO_COMMENT.get(execution));
      if (decision == RiskDecision.ESCALATE) {
        ESCALATION_TRIGGER.set(execution, EscalationTrigger.PMO_ESCALATED.value);
      }
    }
  }

  @Component("recordRiskSteeringDecision")
  static class RecordSteeringDecision implements JavaDelegate {

    private final RiskEscalationService risks;

    RecordSteeringDecision(RiskEscalationService risks) {
      this.risks = risks;
    }

    @Override
    public void execute(DelegateExecution execution) {
      risks.decide(RISK_ID.require(execution), AssessmentKind.STEERING_DECISION, STEERING_DECISION.get(execution),
          STEERING_COMMENT.get(execution));
    }
  }
}
