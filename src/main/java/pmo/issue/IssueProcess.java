package pmo.issue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import pmo.escalation.EscalationStep;
import pmo.escalation.EscalationTrigger;
import pmo.platform.engine.Var;

/** The issue process (processes/issue-escalation.bpmn): its key, element ids and variables. */
public final class IssueProcess {

  public static final String KEY = "issue-escalation";

  public static final String START = "StartEvent_IssueRaised";
  public static final String TASK_RECORD = "Task_RecordIssue";
  public static final String TASK_TRIAGE = "Task_TriageIssue";
  public static final String EVENT_SLA_BREACHED_IN_TRIAGE = "Event_SlaBreachedInTriage";
  public static final String TASK_REQUEST_CHANGE = "Task_RequestChange";
  public static final String TASK_RESOLVE = "Task_ResolveIssue";
  public static final String EVENT_SLA_BREACHED = "Event_SlaBreached";
  public static final String TASK_ESCALATE_TO_PMO = "Task_EscalateToPmo";
  public static final String TASK_PMO_REVIEW = "Task_PmoReview";
  public static final String EVENT_PMO_DEADLINE_PASSED = "Event_PmoDeadlinePassed";
  public static final String TASK_ESCALATE_BY_PMO = "Task_EscalateByPmo";
  public static final String TASK_ESCALATE_PMO_OVERDUE = "Task_EscalatePmoOverdue";
  public static final String TASK_STEERING_DECISION = "Task_SteeringDecision";
  public static final String END_RESOLVED = "End_IssueResolved";
  public static final String END_RESOLVED_BY_PMO = "End_IssueResolvedByPmo";
  public static final String END_CLOSED = "End_IssueClosed";

  // start form (and what a materialised risk passes on)
  public static final Var<Long> PROJECT_ID = Var.id("projectId");
  public static final Var<String> TITLE = Var.text("title");
  public static final Var<String> DESCRIPTION = Var.text("description");
  /** Held as the form's value (low ... critical); the triage form revises it. */
  public static final Var<IssueSeverity> SEVERITY = Var.choice("severity", IssueSeverity.class);
  public static final Var<String> OWNER = Var.text("owner");
  public static final Var<Long> RAISED_FROM_RISK_ID = Var.id("raisedFromRiskId");
  /** Set by the engine from the user who started the process (camunda:initiator). */
  public static final Var<String> RAISED_BY = Var.text("raisedBy");

  // triage form
  public static final Var<Boolean> NEEDS_CHANGE = Var.flag("needsChange");
  public static final Var<String> CHANGE_DESCRIPTION = Var.text("changeDescription");

  // resolve form
  public static final Var<String> RESOLUTION = Var.text("resolution");

  // PMO and steering committee forms
  public static final Var<IssueDecision> PMO_DECISION = Var.choice("pmoDecision", IssueDecision.class);
  public static final Var<String> PMO_COMMENT = Var.text("pmoComment");
  public static final Var<IssueDecision> STEERING_DECISION = Var.choice("steeringDecision",
      IssueDecision.class);
  public static final Var<String> STEERING_COMMENT = Var.text("steeringComment");
  /** The new resolve-by date when the PMO or the steering committee reassigns the issue. */
  public static final Var<LocalDate> DUE_DATE = Var.date("dueDate");

  // written by the process
  public static final Var<String> PROJECT_MANAGER = Var.text("projectManager");
  /**
   * Input parameters of each escalation step ({@link EscalationStep}): why (sla-breached, pmo-escalated,
   * pmo-deadline-passed), to whom (a group or user id) and at which level (1 PMO, 2 steering committee).
   */
  public static final Var<EscalationTrigger> ESCALATION_TRIGGER = EscalationStep.TRIGGER;
  public static final Var<String> ESCALATE_TO = EscalationStep.ESCALATE_TO;
  public static final Var<Integer> ESCALATION_LEVEL = EscalationStep.LEVEL;
  /** Why the case was escalated (written by the escalation step), shown on the PMO and steering committee forms. */
  public static final Var<String> ESCALATION_REASON = EscalationStep.REASON;

  private IssueProcess() {
  }

  /** The issue as the start form submits it (a materialised risk's issue also names the risk). */
  static NewIssue draft(VariableScope scope) {
    return new NewIssue(PROJECT_ID.get(scope), TITLE.get(scope), DESCRIPTION.get(scope), SEVERITY.get(scope),
        OWNER.get(scope), RAISED_FROM_RISK_ID.get(scope));
  }

  /** The start variables of an issue raised from Java: the start form's fields and the risk it came from, if any. */
  static Map<String, Object> startVariables(NewIssue issue) {
    Map<String, Object> vars = new HashMap<>();
    PROJECT_ID.put(vars, issue.projectId());
    TITLE.put(vars, issue.title());
    DESCRIPTION.put(vars, issue.description());
    SEVERITY.put(vars, issue.severity());
    OWNER.put(vars, issue.owner());
    RAISED_FROM_RISK_ID.put(vars, issue.raisedFromRiskId());
    return vars;
  }
}
