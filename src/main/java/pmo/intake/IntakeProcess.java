package pmo.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.VariableScope;
import pmo.platform.engine.Var;

/** The project intake process (processes/project-intake.bpmn): its key, element ids and variables. */
public final class IntakeProcess {

  public static final String KEY = "project-intake";

  public static final String START = "StartEvent_ProposalSubmitted";
  public static final String TASK_SCREEN = "Task_ScreenProposal";
  public static final String TASK_REVISE = "Task_ReviseProposal";
  public static final String TASK_SPONSOR_APPROVAL = "Task_SponsorApproval";
  public static final String TASK_READ_REJECTION = "Task_ReadRejection";
  public static final String TASK_REGISTER = "Task_RegisterProject";
  public static final String END_REGISTERED = "End_ProjectRegistered";
  public static final String END_REJECTED = "End_ProposalRejected";
  /** A portfolio review decides on a proposal waiting for its sponsor: this message moves the intake on. */
  public static final String EVENT_PORTFOLIO_DECISION = "Event_PortfolioDecision";
  public static final String MESSAGE_PORTFOLIO_DECISION = "PortfolioDecisionOnProposal";

  // start form (and revise form)
  public static final Var<String> TITLE = Var.text("title");
  public static final Var<String> BUSINESS_CASE = Var.text("businessCase");
  public static final Var<String> SPONSOR = Var.text("sponsor");
  public static final Var<String> CATEGORY = Var.text("category");
  public static final Var<BigDecimal> ESTIMATED_BUDGET = Var.decimal("estimatedBudget");
  public static final Var<Integer> ESTIMATED_MONTHS = Var.integer("estimatedMonths");
  public static final Var<String> STRATEGIC_OBJECTIVE = Var.text("strategicObjective");
  public static final Var<String> EXPECTED_BENEFITS = Var.text("expectedBenefits");
  /**
   * Who proposed: set by the engine from the user who started the process (camunda:initiator), then by the first step
   * from the stored proposal. The revise and rejection tasks are assigned to them.
   */
  public static final Var<String> REQUESTER = Var.text("requester");

  // screening form
  public static final Var<ScreeningDecision> SCREENING_DECISION = Var.choice("screeningDecision",
      ScreeningDecision.class);
  public static final Var<String> SCREENING_COMMENT = Var.text("screeningComment");

  // sponsor form
  public static final Var<SponsorDecision> SPONSOR_DECISION = Var.choice("sponsorDecision",
      SponsorDecision.class);
  public static final Var<String> SPONSOR_COMMENT = Var.text("sponsorComment");
  public static final Var<String> PROJECT_MANAGER = Var.text("projectManager");
  public static final Var<LocalDate> PLANNED_START = Var.date("plannedStart");

  // written by the process (the proposal itself is found by the process instance, never by a variable)
  public static final Var<String> REJECTION_REASON = Var.text("rejectionReason");
  public static final Var<Long> PROJECT_ID = Var.id("projectId");
  /** Set by the system with the portfolio review's decision message: approve or reject. */
  public static final Var<SponsorDecision> PORTFOLIO_DECISION = Var.choice("portfolioDecision",
      SponsorDecision.class);

  private IntakeProcess() {
  }

  /** The proposal as the start form (and the revise form) submits it. */
  static ProposalDraft draft(VariableScope scope) {
    return new ProposalDraft(TITLE.get(scope), BUSINESS_CASE.get(scope), SPONSOR.get(scope), CATEGORY.get(scope),
        ESTIMATED_BUDGET.get(scope), ESTIMATED_MONTHS.get(scope), STRATEGIC_OBJECTIVE.get(scope),
        EXPECTED_BENEFITS.get(scope));
  }
}
