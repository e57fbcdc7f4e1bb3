package pmo.improvement.proposal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import pmo.platform.engine.Var;

/** The improvement proposal process (processes/improvement-proposal.bpmn): its key, element ids and variables. */
public final class ImprovementProposalProcess {

  public static final String KEY = "improvement-proposal";

  public static final String START = "StartEvent_ProposalSubmitted";
  public static final String TASK_RECORD = "Task_RecordProposal";
  public static final String TASK_EVALUATE = "Task_EvaluateProposal";
  public static final String TASK_RECORD_EVALUATION = "Task_RecordEvaluation";
  public static final String TASK_SEND_EVALUATION_NOTICES = "Task_SendEvaluationNotices";
  public static final String TASK_REVISE = "Task_ReviseProposal";
  public static final String TASK_RECORD_REVISION = "Task_RecordRevision";
  public static final String TASK_IMPLEMENT = "Task_ImplementProposal";
  public static final String TASK_RECORD_IMPLEMENTATION = "Task_RecordImplementation";
  public static final String TASK_VERIFY = "Task_VerifyBenefit";
  public static final String TASK_RECORD_VERIFICATION = "Task_RecordVerification";
  public static final String TASK_SEND_OUTCOME_NOTICES = "Task_SendOutcomeNotices";
  public static final String TASK_REMIND = "Task_RemindImplementer";
  public static final String TASK_ESCALATE = "Task_EscalateImplementation";
  public static final String TASK_SEND_DEADLINE_NOTICES = "Task_SendDeadlineNotices";
  public static final String EVENT_REMINDER = "Event_ImplementationReminder";
  public static final String EVENT_OVERDUE = "Event_ImplementationOverdue";
  public static final String END_REJECTED = "End_ProposalRejected";
  public static final String END_CLOSED = "End_ProposalClosed";
  public static final String END_DEADLINE = "End_DeadlineHandled";

  // start form (and revise form): the proposal as its proposer writes it
  public static final Var<String> TITLE = Var.text("title");
  public static final Var<String> PROBLEM = Var.text("problem");
  public static final Var<String> PROPOSAL = Var.text("proposal");
  public static final Var<String> EXPECTED_BENEFIT = Var.text("expectedBenefit");
  public static final Var<String> CONCERNS = Var.text("concerns");
  public static final Var<Long> PROJECT_ID = Var.id("projectId");
  public static final Var<String> LESSON_IDS = Var.text("lessonIds");
  /** Who submitted it: set by the engine from the user who started the process, then from the stored proposal. */
  public static final Var<String> PROPOSER = Var.text("proposer");

  // evaluation form (the PMO)
  /** Held as the form's value (accept, reject, more-info), which the gateway compares. */
  public static final Var<ProposalService.Decision> EVALUATION = Var.choice("evaluation",
      ProposalService.Decision.class);
  public static final Var<String> EVALUATION_REASON = Var.text("evaluationReason");
  public static final Var<String> IMPLEMENTER = Var.text("implementer");
  public static final Var<java.time.LocalDate> IMPLEMENT_BY = Var.date("implementBy");
  /** Recognition points: offered by the process from the configuration, as the PMO awards them on the form. */
  public static final Var<BigDecimal> POINTS = Var.decimal("points");

  // implementation form (the implementer)
  public static final Var<String> IMPLEMENTATION_NOTES = Var.text("implementationNotes");
  public static final Var<String> DEPLOYMENT_ID = Var.text("deploymentId");

  // verification form (the PMO)
  public static final Var<ProposalService.Verification> VERIFICATION = Var.choice("verification",
      ProposalService.Verification.class);
  public static final Var<String> VERIFICATION_COMMENT = Var.text("verificationComment");

  private ImprovementProposalProcess() {
  }

  /** The proposal as the start form (and the revise form) submits it. */
  static ProposalDraft draft(VariableScope scope) {
    return new ProposalDraft(TITLE.get(scope), PROBLEM.get(scope), PROPOSAL.get(scope), EXPECTED_BENEFIT.get(scope),
        CONCERNS.get(scope), PROJECT_ID.get(scope), LESSON_IDS.get(scope));
  }

  /** The start variables of a proposal submitted from Java or REST: the start form's fields that have a value. */
  static Map<String, Object> startVariables(ProposalDraft d) {
    Map<String, Object> v = new HashMap<>();
    TITLE.put(v, d.title());
    PROBLEM.put(v, d.problem());
    PROPOSAL.put(v, d.proposal());
    EXPECTED_BENEFIT.put(v, d.expectedBenefit());
    CONCERNS.put(v, d.concerns());
    PROJECT_ID.put(v, d.projectId());
    if (d.lessonIds() != null && !d.lessonIds().isBlank()) {
      LESSON_IDS.put(v, d.lessonIds());
    }
    return v;
  }

  /** The PMO's evaluation as its form submits it. */
  static Evaluation evaluation(VariableScope scope) {
    return new Evaluation(EVALUATION.get(scope), EVALUATION_REASON.get(scope), IMPLEMENTER.get(scope),
        IMPLEMENT_BY.get(scope), POINTS.get(scope));
  }
}
