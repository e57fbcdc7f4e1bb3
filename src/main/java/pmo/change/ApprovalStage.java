package pmo.change;

import static pmo.change.ApprovalDecision.APPROVE;
import static pmo.change.ApprovalDecision.REJECT;
import static pmo.change.ApprovalDecision.REWORK;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import pmo.platform.Choices;
import pmo.platform.Roles;
import pmo.platform.engine.Var;

/** The approval steps of a change request: the task, the group that decides, the form's variables, the choices. */
public enum ApprovalStage {
  PMO(ChangeRequestProcess.TASK_PMO_APPROVAL, Roles.PMO, ChangeRequestProcess.PMO_DECISION,
      ChangeRequestProcess.PMO_COMMENT, List.of(APPROVE, REJECT, REWORK)),
  BOARD(ChangeRequestProcess.TASK_BOARD_VOTE, Roles.CHANGE_BOARD, ChangeRequestProcess.VOTE,
      ChangeRequestProcess.VOTE_COMMENT, List.of(APPROVE, REJECT, REWORK)),
  STEERING(ChangeRequestProcess.TASK_STEERING_APPROVAL, Roles.STEERING_COMMITTEE,
      ChangeRequestProcess.STEERING_DECISION, ChangeRequestProcess.STEERING_COMMENT, List.of(APPROVE, REJECT, REWORK)),
  /** An emergency change: approve or reject at once, no rework. */
  EXPEDITED(ChangeRequestProcess.TASK_EXPEDITED_APPROVAL, Roles.PMO, ChangeRequestProcess.EXPEDITED_DECISION,
      ChangeRequestProcess.EXPEDITED_COMMENT, List.of(APPROVE, REJECT)),
  /** The change board's review of an implemented emergency change: ratify (approve) or not (reject). */
  REVIEW(ChangeRequestProcess.TASK_REVIEW, Roles.CHANGE_BOARD, ChangeRequestProcess.REVIEW_DECISION,
      ChangeRequestProcess.REVIEW_COMMENT, List.of(APPROVE, REJECT));

  /** The stages whose tasks have deadlines (reminder, escalation). */
  static final List<ApprovalStage> WITH_DEADLINES = List.of(PMO, BOARD, STEERING, EXPEDITED);

  final String taskKey;
  final String group;
  final Var<ApprovalDecision> decision;
  final Var<String> comment;
  final List<ApprovalDecision> choices;

  ApprovalStage(String taskKey, String group, Var<ApprovalDecision> decision, Var<String> comment,
      List<ApprovalDecision> choices) {
    this.taskKey = taskKey;
    this.group = group;
    this.decision = decision;
    this.comment = comment;
    this.choices = choices;
  }

  static Optional<ApprovalStage> ofTask(String taskDefinitionKey) {
    return Arrays.stream(values()).filter(s -> s.taskKey.equals(taskDefinitionKey)).findFirst();
  }

  /**
   * The stage of an approval task: by its id, or else by the form it shows (its {@code camunda:formRef}), so that a
   * process owner's later version may rename the task (an instance migrated onto it is decided as before).
   */
  static Optional<ApprovalStage> ofTask(DelegateTask task) {
    return ofTask(task.getTaskDefinitionKey()).or(() -> {
      UserTask userTask = task.getBpmnModelElementInstance();
      String form = userTask == null ? null : userTask.getCamundaFormRef();
      return Arrays.stream(values()).filter(s -> s.formRef().equals(form)).findFirst();
    });
  }

  /** The form of this stage's task in processes/change-request.bpmn. */
  String formRef() {
    return switch (this) {
      case PMO -> "change-request-pmo-approval";
      case BOARD -> "change-request-board-vote";
      case STEERING -> "change-request-steering-approval";
      case EXPEDITED -> "change-request-expedited-approval";
      case REVIEW -> "change-request-review";
    };
  }

  /** {@code chosen} when it is one of this step's choices; otherwise an error naming the step's form field. */
  ApprovalDecision offered(ApprovalDecision chosen) {
    return Choices.among(choices, chosen, decision.name());
  }

  String label() {
    return switch (this) {
      case PMO -> "PMO approval";
      case BOARD -> "change board vote";
      case STEERING -> "steering committee approval";
      case EXPEDITED -> "expedited PMO approval";
      case REVIEW -> "retrospective change board review";
    };
  }
}
