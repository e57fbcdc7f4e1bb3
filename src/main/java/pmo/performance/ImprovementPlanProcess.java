package pmo.performance;

import java.util.HashMap;
import java.util.Map;
import pmo.platform.engine.Tasklist;
import pmo.platform.engine.Var;

/**
 * A performance improvement plan (processes/improvement-plan.bpmn, started by the system when a status report opens a
 * breach episode): the project manager drafts the actions, the PMO agrees or sends the plan back. The plan is then
 * followed up by the next status reports and closed by the one whose KPIs are green again.
 */
public final class ImprovementPlanProcess {

  public static final String KEY = "improvement-plan";

  public static final String TASK_DRAFT = "Task_DraftImprovementPlan";
  public static final String TASK_RECORD_DRAFT = "Task_RecordImprovementPlan";
  public static final String TASK_AGREE = "Task_AgreeImprovementPlan";
  public static final String TASK_RECORD_DECISION = "Task_RecordPlanDecision";
  public static final String END_AGREED = "End_PlanAgreed";

  // start variables (the system's), shown on the forms
  public static final Var<String> PROJECT_MANAGER = Var.text("projectManager");
  public static final Var<String> BREACH = Var.text("breach");

  // the draft form
  public static final Var<String> ACTIONS = Var.text("actions");

  // the PMO's form
  /** Held as the form's value (agree, rework), which the gateway compares. */
  public static final Var<PlanDecision> PMO_DECISION = Var.choice("planDecision", PlanDecision.class);
  public static final Var<String> PMO_COMMENT = Var.text("planComment");

  private ImprovementPlanProcess() {
  }

  static Map<String, Object> startVariables(String manager, String subject, String breach) {
    Map<String, Object> v = new HashMap<>();
    v.put(PROJECT_MANAGER.name(), manager);
    v.put(BREACH.name(), breach);
    v.put(Tasklist.SUBJECT.name(), subject);
    return v;
  }
}
