package pmo.stagegate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.delegate.VariableScope;
import pmo.platform.engine.Var;
import pmo.project.Rag;

/** The reusable gate review (processes/gate-review.bpmn), called by the lifecycle for each gate. */
public final class GateReviewProcess {

  public static final String KEY = "gate-review";

  public static final String START = "StartEvent_GateReviewOpened";
  public static final String TASK_SUBMIT_PACKAGE = "Task_SubmitGatePackage";
  public static final String TASK_CHECK_MUST_MEET = "Task_CheckMustMeet";
  public static final String TASK_BOARD_DECISION = "Task_GateBoardDecision";
  public static final String EVENT_HOLD_UNTIL = "Event_HoldUntil";
  public static final String TASK_RESUME = "Task_ResumeProject";
  public static final String END_GO = "End_GatePassed";
  public static final String END_KILL = "End_ProjectKilled";

  // passed in by the lifecycle, for the forms (the steps find project and gate from the stored lifecycle)
  public static final Var<Long> PROJECT_ID = Var.id("projectId");
  public static final Var<Gate> GATE = Var.choice("gate", Gate.class);

  // set before each package from the gate's current standard (the should-meet criteria before each board decision)
  public static final Var<String> GATE_BOARD = Var.text("gateBoard");
  public static final Var<String> PROJECT_MANAGER = Var.text("projectManager");
  public static final Var<List<Var.Option>> DELIVERABLE_OPTIONS = Var.options("deliverableOptions");
  public static final Var<List<Var.Option>> SHOULD_MEET_CRITERIA = Var.options("shouldMeetCriteria");
  public static final Var<String> LESSONS_OFFERED = Var.text("lessonsOffered");

  // gate package form
  public static final Var<List<String>> DELIVERABLES = Var.texts("deliverables");
  public static final Var<String> LINKS = Var.text("links");
  public static final Var<String> SUMMARY = Var.text("summary");
  /** The RAG the project manager reports, held as the form's value (green, amber, red); the board's form shows it. */
  public static final Var<Rag> RAG = Var.choice("rag", Rag.class);

  // written by the process (the package itself is found by the process instance, never by a variable)
  public static final Var<Boolean> MUST_MEET_PASSED = Var.flag("mustMeetPassed");
  public static final Var<String> MUST_MEET_RESULTS = Var.text("mustMeetResults");
  /** Why the package came back: a must-meet knock-out or the board's Recycle notes. */
  public static final Var<String> REWORK_NOTES = Var.text("reworkNotes");

  // board decision form: score1 .. score8 score the gate's should-meet criteria in their configured order
  public static final List<Var<BigDecimal>> SCORES = IntStream.rangeClosed(1, StageGateSettings.SCORE_SLOTS)
      .mapToObj(i -> Var.decimal("score" + i)).toList();
  /**
   * The board's decision, held as the form's value that the gateways compare with (go, recycle, hold, kill); handed
   * back to the lifecycle when the review ends (go or kill).
   */
  public static final Var<GateDecision> GATE_DECISION = Var.choice("gateDecision", GateDecision.class);
  public static final Var<String> DECISION_NOTES = Var.text("decisionNotes");
  public static final Var<LocalDate> HOLD_UNTIL = Var.date("holdUntil");

  private GateReviewProcess() {
  }

  /** The package as the package form submits it. */
  static GatePackageCommand packageOf(VariableScope scope) {
    return new GatePackageCommand(DELIVERABLES.get(scope), LINKS.get(scope), SUMMARY.get(scope), RAG.get(scope));
  }
}
