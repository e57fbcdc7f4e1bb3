package pmo.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import pmo.escalation.EscalationStep;
import pmo.escalation.EscalationTrigger;
import pmo.issue.IssueSeverity;
import pmo.platform.engine.Var;

/** The risk process (processes/risk-escalation.bpmn): its key, element ids and variables. */
public final class RiskProcess {

  public static final String KEY = "risk-escalation";
  public static final String LEVEL_DECISION = "risk-level";
  public static final String ESCALATION_DECISION = "risk-escalation-level";

  public static final String START = "StartEvent_RiskRaised";
  public static final String TASK_RECORD = "Task_RecordRisk";
  public static final String TASK_ASSESS = "Task_AssessRisk";
  public static final String TASK_DETERMINE_LEVEL = "Task_DetermineLevel";
  public static final String TASK_PLAN_RESPONSE = "Task_PlanResponse";
  public static final String EVENT_RESPONSE_DUE = "Event_ResponseDue";
  public static final String TASK_REPORT_RESIDUAL = "Task_ReportResidual";
  public static final String EVENT_REPORT_OVERDUE = "Event_ReportOverdue";
  public static final String TASK_CONVERT_TO_ISSUE = "Task_ConvertToIssue";
  public static final String TASK_DETERMINE_RESIDUAL_LEVEL = "Task_DetermineResidualLevel";
  public static final String TASK_DECIDE_ESCALATION = "Task_DecideEscalation";
  public static final String TASK_ESCALATE_TO_PMO = "Task_EscalateToPmo";
  public static final String TASK_PMO_REVIEW = "Task_PmoReview";
  public static final String EVENT_REVIEW_OVERDUE = "Event_ReviewOverdue";
  public static final String TASK_STEERING_DECISION = "Task_SteeringDecision";
  public static final String END_CLOSED = "End_RiskClosed";
  public static final String END_ACCEPTED_BY_PMO = "End_RiskAcceptedByPmo";
  public static final String END_ACCEPTED_BY_STEERING = "End_RiskAcceptedBySteering";
  public static final String END_MATERIALISED = "End_RiskMaterialised";

  // start form (and the REST API)
  public static final Var<Long> PROJECT_ID = Var.id("projectId");
  public static final Var<String> TITLE = Var.text("title");
  public static final Var<String> DESCRIPTION = Var.text("description");
  public static final Var<String> CATEGORY = Var.text("category");
  public static final Var<String> CAUSE = Var.text("cause");
  public static final Var<String> EFFECT = Var.text("effect");
  public static final Var<String> OWNER = Var.text("owner");
  public static final Var<LocalDate> DUE_DATE = Var.date("dueDate");
  /** Set by the engine from the user who started the process (camunda:initiator). */
  public static final Var<String> RAISED_BY = Var.text("raisedBy");

  // assessment form; the residual form reuses probability and impact (the DMN reads them)
  public static final Var<Integer> PROBABILITY = Var.integer("probability");
  public static final Var<Integer> IMPACT = Var.integer("impact");
  public static final Var<BigDecimal> MONETARY_IMPACT = Var.decimal("monetaryImpact");
  public static final Var<String> ASSESSMENT_COMMENT = Var.text("assessmentComment");

  // response form
  public static final Var<ResponseStrategy> RESPONSE_STRATEGY = Var.choice("responseStrategy",
      ResponseStrategy.class);
  public static final Var<String> RESPONSE_PLAN = Var.text("responsePlan");

  // residual form
  public static final Var<ResidualOutcome> RESIDUAL_OUTCOME = Var.choice("residualOutcome", ResidualOutcome.class);
  public static final Var<String> RESIDUAL_COMMENT = Var.text("residualComment");
  /** The severity of the issue a materialised risk becomes; none: the risk's level. */
  public static final Var<IssueSeverity> ISSUE_SEVERITY = Var.choice("issueSeverity", IssueSeverity.class);

  // PMO and steering committee forms
  public static final Var<RiskDecision> PMO_DECISION = Var.choice("pmoDecision", RiskDecision.class);
  public static final Var<String> PMO_COMMENT = Var.text("pmoComment");
  public static final Var<RiskDecision> STEERING_DECISION = Var.choice("steeringDecision",
      RiskDecision.class);
  public static final Var<String> STEERING_COMMENT = Var.text("steeringComment");

  // written by the process
  public static final Var<String> PROJECT_MANAGER = Var.text("projectManager");
  /** Whether the risk came with its initial assessment (REST), so the project manager's assessment is skipped. */
  public static final Var<Boolean> ASSESSED = Var.flag("assessed");
  /** Output of risk-level.dmn, input of risk-escalation-level.dmn. */
  public static final Var<RiskLevel> RISK_LEVEL = Var.choice("riskLevel", RiskLevel.class);
  /**
   * What happened, the input of risk-escalation-level.dmn: residual, report-overdue, review-overdue, pmo-escalated
   * (the variables of every escalation step: {@link EscalationStep}).
   */
  public static final Var<EscalationTrigger> ESCALATION_TRIGGER = EscalationStep.TRIGGER;
  /** Outputs of risk-escalation-level.dmn, mapped to the escalation step's variables. */
  public static final Var<String> ESCALATE_TO = EscalationStep.ESCALATE_TO;
  public static final Var<Integer> ESCALATION_LEVEL = EscalationStep.LEVEL;
  public static final Var<String> ESCALATION_RULE = EscalationStep.RULE;
  /** Why the risk was escalated (written by the escalation step), shown on the PMO and steering committee forms. */
  public static final Var<String> ESCALATION_REASON = EscalationStep.REASON;

  private RiskProcess() {
  }

  /** The risk as the start form submits it (with the optional initial assessment). */
  static NewRisk draft(VariableScope scope) {
    return new NewRisk(PROJECT_ID.get(scope), TITLE.get(scope), DESCRIPTION.get(scope), CATEGORY.get(scope),
        CAUSE.get(scope), EFFECT.get(scope), OWNER.get(scope), DUE_DATE.get(scope), PROBABILITY.get(scope),
        IMPACT.get(scope), MONETARY_IMPACT.get(scope));
  }

  /** The start variables of a risk raised from Java (REST): the start form's fields that have a value. */
  static Map<String, Object> startVariables(NewRisk risk) {
    Map<String, Object> vars = new HashMap<>();
    PROJECT_ID.put(vars, risk.projectId());
    TITLE.put(vars, risk.title());
    DESCRIPTION.put(vars, risk.description());
    CATEGORY.put(vars, risk.category());
    CAUSE.put(vars, risk.cause());
    EFFECT.put(vars, risk.effect());
    OWNER.put(vars, risk.owner());
    DUE_DATE.put(vars, risk.dueDate());
    PROBABILITY.put(vars, risk.probability());
    IMPACT.put(vars, risk.impact());
    MONETARY_IMPACT.put(vars, risk.monetaryImpact());
    return vars;
  }
}
