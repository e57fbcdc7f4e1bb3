package pmo.change;

import static pmo.change.ChangeRequestProcess.ASSESSMENT_COMMENT;
import static pmo.change.ChangeRequestProcess.BOARD_OUTCOME;
import static pmo.change.ChangeRequestProcess.CHANGE_REQUEST_ID;
import static pmo.change.ChangeRequestProcess.CHANGE_TYPE;
import static pmo.change.ChangeRequestProcess.COST_DELTA;
import static pmo.change.ChangeRequestProcess.COST_DELTA_PCT;
import static pmo.change.ChangeRequestProcess.DECISION_REASON;
import static pmo.change.ChangeRequestProcess.DESCRIPTION;
import static pmo.change.ChangeRequestProcess.IMPLEMENTATION_NOTES;
import static pmo.change.ChangeRequestProcess.IMPLEMENTER;
import static pmo.change.ChangeRequestProcess.OUTCOME;
import static pmo.change.ChangeRequestProcess.PROJECT_ID;
import static pmo.change.ChangeRequestProcess.PROJECT_MANAGER;
import static pmo.change.ChangeRequestProcess.QUALITY_IMPACT;
import static pmo.change.ChangeRequestProcess.REASON;
import static pmo.change.ChangeRequestProcess.REQUESTER;
import static pmo.change.ChangeRequestProcess.RISK_NOTES;
import static pmo.change.ChangeRequestProcess.ROUTE;
import static pmo.change.ChangeRequestProcess.ROUTE_DECISION_KEY;
import static pmo.change.ChangeRequestProcess.ROUTE_DECISION_VERSION;
import static pmo.change.ChangeRequestProcess.SCHEDULE_DELTA_DAYS;
import static pmo.change.ChangeRequestProcess.SCHEDULE_DELTA_PCT;
import static pmo.change.ChangeRequestProcess.SCOPE_CHANGE;
import static pmo.change.ChangeRequestProcess.TITLE;
import static pmo.change.ChangeRequestProcess.VERIFICATION;
import static pmo.change.ChangeRequestProcess.VERIFICATION_COMMENT;
import static pmo.platform.engine.Tasklist.SUBJECT;

import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import pmo.platform.engine.CurrentActor;

/** The change request process's Java steps: each reads its variables, calls a change service, writes the result. */
final class ChangeDelegates {

  private ChangeDelegates() {
  }

  static ChangeRequestDraft draft(VariableScope scope) {
    return new ChangeRequestDraft(PROJECT_ID.get(scope), TITLE.get(scope), DESCRIPTION.get(scope), REASON.get(scope),
        CHANGE_TYPE.get(scope), COST_DELTA.get(scope), SCHEDULE_DELTA_DAYS.get(scope), SCOPE_CHANGE.get(scope),
        QUALITY_IMPACT.get(scope), RISK_NOTES.get(scope));
  }

  static void subject(VariableScope scope, ChangeRequest request) {
    SUBJECT.set(scope, request.reference() + ": " + request.title());
  }

  @Component("recordChangeRequest")
  static class RecordRequest implements JavaDelegate {

    private final ChangeRequestService service;

    RecordRequest(ChangeRequestService service) {
      this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
      ChangeRequest request = service.record(draft(execution), REQUESTER.get(execution),
          execution.getProcessInstanceId());
      CHANGE_REQUEST_ID.set(execution, request.id());
      PROJECT_MANAGER.set(execution, service.projectManager(request.id()));
      subject(execution, request);
    }
  }

  @Component("recordImpactAssessment")
  static class RecordAssessment implements JavaDelegate {

    private final ChangeRequestService service;

    RecordAssessment(ChangeRequestService service) {
      this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
      ChangeRequest request = service.assess(CHANGE_REQUEST_ID.require(execution), new ImpactAssessment(
          COST_DELTA.get(execution), SCHEDULE_DELTA_DAYS.get(execution), SCOPE_CHANGE.get(execution),
          QUALITY_IMPACT.get(execution), RISK_NOTES.get(execution), ASSESSMENT_COMMENT.get(execution)));
      COST_DELTA_PCT.set(execution, request.costDeltaPct());
      SCHEDULE_DELTA_PCT.set(execution, request.scheduleDeltaPct());
    }
  }

  @Component("recordChangeRoute")
  static class RecordRoute implements JavaDelegate {

    private final ChangeApprovalService service;

    RecordRoute(ChangeApprovalService service) {
      this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
      service.route(CHANGE_REQUEST_ID.require(execution), Route.of(ROUTE.get(execution)),
          ROUTE_DECISION_KEY.get(execution), ROUTE_DECISION_VERSION.get(execution));
    }
  }

  /** On completion of every approval task (and each board vote): records the decision before the task ends. */
  @Component("recordChangeApproval")
  static class RecordApproval implements TaskListener {

    private final ChangeApprovalService service;
    private final CurrentActor actor;

    RecordApproval(ChangeApprovalService service, CurrentActor actor) {
      this.service = service;
      this.actor = actor;
    }

    @Override
    public void notify(DelegateTask task) {
      ApprovalStage stage = ApprovalStage.ofTask(task.getTaskDefinitionKey()).orElseThrow(() ->
          new IllegalStateException("recordChangeApproval is on task " + task.getTaskDefinitionKey()
              + ", which is no approval step"));
      String acting = actor.id();
      String approver = CurrentActor.SYSTEM.equals(acting) && task.getAssignee() != null ? task.getAssignee()
          : acting;
      Approval approval = service.decide(CHANGE_REQUEST_ID.require(task), stage, stage.decision.get(task),
          stage.comment.get(task), approver, task.getId());
      if (stage != ApprovalStage.BOARD && approval.decision() != ApprovalDecision.APPROVE) {
        DECISION_REASON.set(task.getExecution(), approval.comment());
      }
    }
  }

  @Component("tallyBoardVotes")
  static class TallyVotes implements JavaDelegate {

    private final ChangeApprovalService service;
    private final ChangeRequestService requests;

    TallyVotes(ChangeApprovalService service, ChangeRequestService requests) {
      this.service = service;
      this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
      long id = CHANGE_REQUEST_ID.require(execution);
      ApprovalDecision outcome = service.tallyBoard(id);
      BOARD_OUTCOME.set(execution, outcome.value);
      if (outcome != ApprovalDecision.APPROVE) {
        DECISION_REASON.set(execution, requests.get(id).outcomeReason());
      }
    }
  }

  @Component("reviseChangeRequest")
  static class Revise implements JavaDelegate {

    private final ChangeRequestService service;

    Revise(ChangeRequestService service) {
      this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
      subject(execution, service.revise(CHANGE_REQUEST_ID.require(execution), draft(execution)));
    }
  }

  @Component("writeChangeBaseline")
  static class WriteBaseline implements JavaDelegate {

    private final ChangeApprovalService service;

    WriteBaseline(ChangeApprovalService service) {
      this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
      service.writeBaseline(CHANGE_REQUEST_ID.require(execution));
    }
  }

  @Component("queueChangeOutcomeNotices")
  static class QueueOutcomeNotices implements JavaDelegate {

    private final ChangeNotices notices;
    private final ChangeRequestService service;

    QueueOutcomeNotices(ChangeNotices notices, ChangeRequestService service) {
      this.notices = notices;
      this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
      long id = CHANGE_REQUEST_ID.require(execution);
      notices.queueOutcome(id);
      OUTCOME.set(execution, service.get(id).status().name().toLowerCase(Locale.ROOT));
    }
  }

  @Component("sendChangeNotices")
  static class SendNotices implements JavaDelegate {

    private final ChangeNotices notices;

    SendNotices(ChangeNotices notices) {
      this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
      notices.sendPending(CHANGE_REQUEST_ID.require(execution));
    }
  }

  @Component("recordChangeImplementation")
  static class RecordImplementation implements JavaDelegate {

    private final ChangeApprovalService service;
    private final CurrentActor actor;

    RecordImplementation(ChangeApprovalService service, CurrentActor actor) {
      this.service = service;
      this.actor = actor;
    }

    @Override
    public void execute(DelegateExecution execution) {
      ChangeRequest request = service.implement(CHANGE_REQUEST_ID.require(execution),
          IMPLEMENTATION_NOTES.get(execution), actor.id());
      IMPLEMENTER.set(execution, request.implementedBy());
    }
  }

  @Component("recordChangeVerification")
  static class RecordVerification implements JavaDelegate {

    private final ChangeApprovalService service;
    private final CurrentActor actor;

    RecordVerification(ChangeApprovalService service, CurrentActor actor) {
      this.service = service;
      this.actor = actor;
    }

    @Override
    public void execute(DelegateExecution execution) {
      service.verify(CHANGE_REQUEST_ID.require(execution), VERIFICATION.get(execution),
          VERIFICATION_COMMENT.get(execution), actor.id());
    }
  }

  @Component("remindChangeApprovers")
  static class Remind implements JavaDelegate {

    private final ChangeDeadlineService service;

    Remind(ChangeDeadlineService service) {
      this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
      service.remind(CHANGE_REQUEST_ID.require(execution));
    }
  }

  @Component("escalateChangeApproval")
  static class Escalate implements JavaDelegate {

    private final ChangeDeadlineService service;

    Escalate(ChangeDeadlineService service) {
      this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
      service.escalate(CHANGE_REQUEST_ID.require(execution));
    }
  }
}
