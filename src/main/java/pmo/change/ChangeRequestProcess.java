package pmo.change;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import pmo.platform.Choice;
import pmo.platform.engine.Var;

/** The change request process (processes/change-request.bpmn): its key, element ids and variables. */
public final class ChangeRequestProcess {

  public static final String KEY = "change-request";
  /** The routing decision (processes/change-approval-route.dmn). */
  public static final String ROUTE_DECISION = "change-approval-route";

  public static final String START = "StartEvent_ChangeRequested";
  public static final String TASK_ASSESS = "Task_AssessImpact";
  public static final String TASK_DECIDE_ROUTE = "Task_DecideRoute";
  public static final String TASK_PMO_APPROVAL = "Task_PmoApproval";
  public static final String TASK_BOARD_VOTE = "Task_BoardVote";
  public static final String TASK_STEERING_APPROVAL = "Task_SteeringApproval";
  public static final String TASK_EXPEDITED_APPROVAL = "Task_ExpeditedApproval";
  public static final String TASK_REVISE = "Task_ReviseRequest";
  public static final String TASK_WRITE_BASELINE = "Task_WriteBaseline";
  public static final String TASK_QUEUE_NOTICES = "Task_QueueOutcomeNotices";
  public static final String TASK_SEND_NOTICES = "Task_SendOutcomeNotices";
  public static final String TASK_IMPLEMENT = "Task_ImplementChange";
  public static final String TASK_REVIEW = "Task_RetrospectiveReview";
  public static final String TASK_VERIFY = "Task_VerifyImplementation";
  public static final String END_CLOSED = "End_ChangeClosed";
  public static final String END_REJECTED = "End_ChangeRejected";

  // start form (and revise form): the request as the requester raises it
  public static final Var<Long> PROJECT_ID = Var.id("projectId");
  public static final Var<String> TITLE = Var.text("title");
  public static final Var<String> DESCRIPTION = Var.text("description");
  public static final Var<String> REASON = Var.text("reason");
  /** Held as the form's value, which the routing DMN reads (standard, normal, emergency). */
  public static final Var<ChangeType> CHANGE_TYPE = Var.choice("changeType", ChangeType.class);
  public static final Var<BigDecimal> COST_DELTA = Var.decimal("costDelta");
  public static final Var<Integer> SCHEDULE_DELTA_DAYS = Var.integer("scheduleDeltaDays");
  public static final Var<String> SCOPE_CHANGE = Var.text("scopeChange");
  /** Held as the form's value, which the routing DMN reads (none, minor, major); the assessment form revises it. */
  public static final Var<QualityImpact> QUALITY_IMPACT = Var.choice("qualityImpact", QualityImpact.class);
  public static final Var<String> RISK_NOTES = Var.text("riskNotes");
  /**
   * Who raised the request: set by the engine from the user who started the process (camunda:initiator), then by the
   * first step from the stored request. The board's voters and the revise task read it.
   */
  public static final Var<String> REQUESTER = Var.text("requester");

  // assessment form
  public static final Var<String> ASSESSMENT_COMMENT = Var.text("assessmentComment");

  // approval forms: one decision and one comment variable per step (the board's are local to each vote)
  public static final Var<ApprovalDecision> PMO_DECISION = Var.choice("pmoDecision", ApprovalDecision.class);
  public static final Var<String> PMO_COMMENT = Var.text("pmoComment");
  public static final Var<ApprovalDecision> VOTE = Var.choice("vote", ApprovalDecision.class);
  public static final Var<String> VOTE_COMMENT = Var.text("voteComment");
  public static final Var<ApprovalDecision> STEERING_DECISION = Var.choice("steeringDecision", ApprovalDecision.class);
  public static final Var<String> STEERING_COMMENT = Var.text("steeringComment");
  public static final Var<ApprovalDecision> EXPEDITED_DECISION = Var.choice("expeditedDecision", ApprovalDecision.class);
  public static final Var<String> EXPEDITED_COMMENT = Var.text("expeditedComment");
  public static final Var<ApprovalDecision> REVIEW_DECISION = Var.choice("reviewDecision", ApprovalDecision.class);
  public static final Var<String> REVIEW_COMMENT = Var.text("reviewComment");

  // implementation and verification forms
  public static final Var<String> IMPLEMENTATION_NOTES = Var.text("implementationNotes");
  public static final Var<VerificationOutcome> VERIFICATION = Var.choice("verification",
      VerificationOutcome.class);
  public static final Var<String> VERIFICATION_COMMENT = Var.text("verificationComment");

  // written by the process (the request itself is found by the process instance, never by a variable)
  /** The project's manager, who assesses and implements (null: any project manager may claim). */
  public static final Var<String> PROJECT_MANAGER = Var.text("projectManager");
  /** Inputs of the routing DMN, computed from the current baseline at assessment. */
  public static final Var<BigDecimal> COST_DELTA_PCT = Var.decimal("costDeltaPct");
  public static final Var<BigDecimal> SCHEDULE_DELTA_PCT = Var.decimal("scheduleDeltaPct");
  /** The DMN's output (a {@link Route} name) and the decision definition that produced it. */
  public static final Var<Route> ROUTE = Var.choice("route", Route.class);
  public static final Var<String> ROUTE_DECISION_KEY = Var.text("routeDecisionKey");
  public static final Var<Integer> ROUTE_DECISION_VERSION = Var.integer("routeDecisionVersion");
  /** The board's combined vote (approve, reject or rework), which the gateway after the tally compares. */
  public static final Var<ApprovalDecision> BOARD_OUTCOME = Var.choice("boardOutcome", ApprovalDecision.class);
  /** Why the last decision rejected the request or sent it back (the revise form shows it). */
  public static final Var<String> DECISION_REASON = Var.text("decisionReason");
  /** The outcome of the approval, which the gateway after the outcome notices compares. */
  public static final Var<Outcome> OUTCOME = Var.choice("outcome", Outcome.class);

  /** How the approval ended: the request's status once decided ({@code approved} or {@code rejected} in the model). */
  public enum Outcome implements Choice {
    APPROVED, REJECTED;

    static Outcome of(ChangeStatus status) {
      return status == ChangeStatus.APPROVED ? APPROVED : REJECTED;
    }
  }

  private ChangeRequestProcess() {
  }

  /** The request as the start form (and the revise form) submits it. */
  static ChangeRequestDraft draft(VariableScope scope) {
    return new ChangeRequestDraft(PROJECT_ID.get(scope), TITLE.get(scope), DESCRIPTION.get(scope), REASON.get(scope),
        CHANGE_TYPE.get(scope), COST_DELTA.get(scope), SCHEDULE_DELTA_DAYS.get(scope), SCOPE_CHANGE.get(scope),
        QUALITY_IMPACT.get(scope), RISK_NOTES.get(scope));
  }

  /** The start variables of a request raised from Java: the start form's fields that have a value. */
  static Map<String, Object> startVariables(ChangeRequestDraft d) {
    Map<String, Object> v = new HashMap<>();
    PROJECT_ID.put(v, d.projectId());
    TITLE.put(v, d.title());
    DESCRIPTION.put(v, d.description());
    REASON.put(v, d.reason());
    CHANGE_TYPE.put(v, d.changeType());
    COST_DELTA.put(v, d.costDelta());
    SCHEDULE_DELTA_DAYS.put(v, d.scheduleDeltaDays());
    SCOPE_CHANGE.put(v, d.scopeChange());
    QUALITY_IMPACT.put(v, d.qualityImpact());
    RISK_NOTES.put(v, d.riskNotes());
    return v;
  }

  /** The project manager's assessment as the assessment form submits it. */
  static ImpactAssessment assessment(VariableScope scope) {
    return new ImpactAssessment(COST_DELTA.get(scope), SCHEDULE_DELTA_DAYS.get(scope), SCOPE_CHANGE.get(scope),
        QUALITY_IMPACT.get(scope), RISK_NOTES.get(scope), ASSESSMENT_COMMENT.get(scope));
  }
}
