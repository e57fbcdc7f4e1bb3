package pmo.improvement.standard;

import pmo.platform.engine.Var;

/** The standards review (processes/standards-review.bpmn): its key, element ids and variables. */
public final class StandardsReviewProcess {

  public static final String KEY = "standards-review";

  /** The process that starts a review on the cycle (processes/standards-review-cycle.bpmn). */
  public static final String CYCLE_KEY = "standards-review-cycle";

  public static final String START_BY_HAND = "StartEvent_ReviewRequested";
  public static final String TASK_PREPARE = "Task_PrepareReview";
  public static final String TASK_REVIEW_PROCESS = "Task_ReviewProcess";
  public static final String TASK_CLOSE = "Task_CloseReview";
  public static final String END_CLOSED = "End_ReviewClosed";

  /** Why a review now: the start form's field; the cycle gives its own. */
  public static final Var<String> REASON = Var.text("reviewReason");

  /** The process one owner reviews: the multi-instance element variable, one per governance process. */
  public static final Var<String> REVIEWED_PROCESS = Var.text("reviewedProcess");
  // set on each review task when it is created, from the stored review item
  public static final Var<String> PROCESS_NAME = Var.text("processName");
  public static final Var<String> ANALYTICS_SUMMARY = Var.text("analyticsSummary");
  public static final Var<String> OPEN_PROPOSALS = Var.text("openProposals");

  // the review form
  public static final Var<StandardsReviewService.ChangeNeeded> CHANGE_NEEDED = Var.choice("changeNeeded",
      StandardsReviewService.ChangeNeeded.class);
  public static final Var<String> PROBLEM_SEEN = Var.text("problemSeen");
  public static final Var<String> PROPOSED_CHANGE = Var.text("proposedChange");
  public static final Var<String> EXPECTED_BENEFIT = Var.text("expectedBenefit");

  private StandardsReviewProcess() {
  }
}
