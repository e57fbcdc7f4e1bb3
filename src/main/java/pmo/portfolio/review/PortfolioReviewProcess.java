package pmo.portfolio.review;

import java.util.List;
import java.util.Map;
import pmo.platform.engine.Var;

/** The periodic portfolio review (processes/portfolio-review.bpmn): its key, element ids and variables. */
public final class PortfolioReviewProcess {

  public static final String KEY = "portfolio-review";

  public static final String START = "StartEvent_ReviewStarted";
  /** The schedule (processes/portfolio-review-schedule.bpmn): a timer start on the configured cycle. */
  public static final String SCHEDULE_KEY = "portfolio-review-schedule";
  public static final String SCHEDULE_START = "StartEvent_ReviewDue";
  public static final String TASK_COMPILE_PACK = "Task_CompilePack";
  public static final String TASK_PROPOSE = "Task_ProposeDecisions";
  public static final String TASK_RECORD_PROPOSAL = "Task_RecordProposal";
  public static final String TASK_APPROVE = "Task_ApproveDecisions";
  public static final String TASK_RECORD_APPROVAL = "Task_RecordApproval";
  public static final String TASK_APPLY = "Task_ApplyDecisions";
  public static final String TASK_SEND_NOTICES = "Task_SendNotices";
  public static final String END_APPLIED = "End_ReviewApplied";
  public static final String END_SKIPPED = "End_ReviewSkipped";

  // start form
  public static final Var<String> OCCASION = Var.text("occasion");

  // written by the process: whether this review opened (a scheduled one is skipped while another is open), the pack
  public static final Var<Boolean> REVIEW_OPENED = Var.flag("reviewOpened");
  public static final Var<String> REVIEW_PACK = Var.text("reviewPack");

  // the PMO's proposal form: a row per running project that needs a decision, rows the PMO adds for other running
  // projects (each names its project by id: the project picker), a row per proposal waiting, and a note
  public static final Var<List<Map<String, Object>>> PROJECT_DECISIONS = Var.rows("projectDecisions");
  public static final Var<List<Map<String, Object>>> OTHER_PROJECT_DECISIONS = Var.rows("otherProjectDecisions");
  public static final Var<List<Map<String, Object>>> PROPOSAL_DECISIONS = Var.rows("proposalDecisions");
  public static final Var<String> PROPOSAL_NOTE = Var.text("proposalNote");

  // the steering committee's form
  public static final Var<String> DECISION_SUMMARY = Var.text("decisionSummary");
  /** Held as the form's value (approve, sendBack), which the gateway compares. */
  public static final Var<ReviewDecisions.Steering> STEERING_DECISION = Var.choice("steeringDecision",
      ReviewDecisions.Steering.class);
  public static final Var<String> STEERING_COMMENT = Var.text("steeringComment");

  private PortfolioReviewProcess() {
  }
}
