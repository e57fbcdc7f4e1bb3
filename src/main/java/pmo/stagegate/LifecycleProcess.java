package pmo.stagegate;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.VariableScope;
import pmo.platform.engine.Var;

/**
 * The standard project lifecycle (processes/project-lifecycle.bpmn): Initiation, G1, Planning, G2, Execution, G3,
 * Closure. Started for every registered project, at the project's current stage.
 */
public final class LifecycleProcess {

  public static final String KEY = "project-lifecycle";

  public static final String START = "StartEvent_ProjectRegistered";
  public static final String CALL_G1 = "CallActivity_GateG1";
  public static final String CALL_G2 = "CallActivity_GateG2";
  public static final String CALL_G3 = "CallActivity_GateG3";
  public static final String TASK_POST_PROJECT_REVIEW = "Task_PostProjectReview";
  public static final String END_CLOSED = "End_LifecycleClosed";

  public static final Var<Long> PROJECT_ID = Var.id("projectId");
  /** The stage the lifecycle starts in: the project's stage when it is registered (INITIATION, or the demo's). */
  public static final Var<String> START_STAGE = Var.text("startStage");
  /** The outcome of the last gate review (go or kill). */
  public static final Var<GateDecision> GATE_DECISION = GateReviewProcess.GATE_DECISION;
  public static final Var<String> PROJECT_MANAGER = Var.text("projectManager");

  // shown in the post-project review form: the baseline the outcome is measured against
  public static final Var<LocalDate> BASELINE_FINISH = Var.date("baselineFinish");
  public static final Var<BigDecimal> BASELINE_BUDGET = Var.decimal("baselineBudget");

  // post-project review form
  public static final Var<ObjectivesMet> OBJECTIVES_MET = Var.choice("objectivesMet", ObjectivesMet.class);
  public static final Var<LocalDate> ACTUAL_FINISH = Var.date("actualFinish");
  public static final Var<BigDecimal> ACTUAL_COST = Var.decimal("actualCost");
  public static final Var<String> WENT_WELL = Var.text("wentWell");
  public static final Var<String> TO_IMPROVE = Var.text("toImprove");
  public static final Var<String> LESSON_TAGS = Var.text("lessonTags");

  private LifecycleProcess() {
  }

  /** The post-project review as its form submits it. */
  static ClosureReviewCommand review(VariableScope scope) {
    return new ClosureReviewCommand(OBJECTIVES_MET.get(scope), ACTUAL_FINISH.get(scope), ACTUAL_COST.get(scope),
        WENT_WELL.get(scope), TO_IMPROVE.get(scope), LESSON_TAGS.get(scope));
  }
}
