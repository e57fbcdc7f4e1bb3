package pmo.change;

import static pmo.change.ChangeRequestProcess.BOARD_OUTCOME;
import static pmo.change.ChangeRequestProcess.COST_DELTA_PCT;
import static pmo.change.ChangeRequestProcess.DECISION_REASON;
import static pmo.change.ChangeRequestProcess.IMPLEMENTATION_NOTES;
import static pmo.change.ChangeRequestProcess.OUTCOME;
import static pmo.change.ChangeRequestProcess.PROJECT_MANAGER;
import static pmo.change.ChangeRequestProcess.REQUESTER;
import static pmo.change.ChangeRequestProcess.ROUTE;
import static pmo.change.ChangeRequestProcess.ROUTE_DECISION_KEY;
import static pmo.change.ChangeRequestProcess.ROUTE_DECISION_VERSION;
import static pmo.change.ChangeRequestProcess.SCHEDULE_DELTA_PCT;
import static pmo.change.ChangeRequestProcess.VERIFICATION;
import static pmo.change.ChangeRequestProcess.VERIFICATION_COMMENT;
import static pmo.platform.engine.Tasklist.SUBJECT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import pmo.escalation.EscalationService;
import pmo.escalation.EscalationStep;
import pmo.escalation.EscalationTrigger;
import pmo.platform.Roles;
import pmo.platform.engine.CurrentActor;

/**
 * The Java steps of processes/change-request.bpmn, each a bean named as the model's {@code delegateExpression}. A step
 * finds its change request by the process instance it runs in (never by a variable: README, "Governance that cannot be bypassed"), reads the form's
 * variables through {@link ChangeRequestProcess}, calls a change service and writes back what a gateway or a later form
 * needs.
 */
@Configuration(proxyBeanMethods = false)
class ChangeSteps {

  @Bean
  JavaDelegate recordChangeRequest(ChangeRequestService service, ChangeNotices notices) {
    return execution -> {
      ChangeRequest request = service.record(ChangeRequestProcess.draft(execution), execution.getProcessInstanceId());
      // Cockpit, Tasklist and the history API name the instance by its request, not by a UUID
      execution.setProcessBusinessKey(request.reference());
      REQUESTER.setIfChanged(execution, request.requester());
      PROJECT_MANAGER.set(execution, service.projectManager(request.id()));
      subject(execution, request);
      notices.queueConfirmation(request.id());
    };
  }

  @Bean
  JavaDelegate recordImpactAssessment(ChangeRequestService service) {
    return execution -> {
      ChangeRequest request = service.assess(caseOf(service, execution), ChangeRequestProcess.assessment(execution));
      // the route table's inputs, for the business rule task that follows in this transaction: the request row and
      // the decision history keep them, so they are not stored as variables too
      COST_DELTA_PCT.setTransient(execution, request.costDeltaPct());
      SCHEDULE_DELTA_PCT.setTransient(execution, request.scheduleDeltaPct());
    };
  }

  @Bean
  JavaDelegate recordChangeRoute(ChangeRequestService requests, ChangeApprovalService service) {
    return execution -> service.route(caseOf(requests, execution), ROUTE.get(execution),
        ROUTE_DECISION_KEY.get(execution), ROUTE_DECISION_VERSION.get(execution));
  }

  /** On completion of every approval task (and each board vote): records the decision before the task ends. */
  @Bean
  TaskListener recordChangeApproval(ChangeRequestService requests, ChangeApprovalService service,
      CurrentActor actor) {
    return task -> {
      ApprovalStage stage = ApprovalStage.ofTask(task).orElseThrow(() ->
          new IllegalStateException("recordChangeApproval is on task " + task.getTaskDefinitionKey()
              + ", which is no approval step"));
      String acting = actor.id();
      String approver = CurrentActor.SYSTEM.equals(acting) && task.getAssignee() != null ? task.getAssignee()
          : acting;
      Approval approval = service.decide(requests.idOfProcess(task.getProcessInstanceId()), stage,
          stage.decision.get(task), stage.comment.get(task), approver, task.getId());
      if (stage != ApprovalStage.BOARD && approval.decision() != ApprovalDecision.APPROVE) {
        DECISION_REASON.set(task.getExecution(), approval.comment());
      }
    };
  }

  @Bean
  JavaDelegate tallyBoardVotes(ChangeRequestService requests, ChangeApprovalService service) {
    return execution -> {
      long id = caseOf(requests, execution);
      ApprovalDecision outcome = service.tallyBoard(id);
      BOARD_OUTCOME.set(execution, outcome);
      if (outcome != ApprovalDecision.APPROVE) {
        DECISION_REASON.set(execution, requests.get(id).outcomeReason());
      }
    };
  }

  @Bean
  JavaDelegate reviseChangeRequest(ChangeRequestService service) {
    return execution -> subject(execution, service.revise(caseOf(service, execution),
        ChangeRequestProcess.draft(execution)));
  }

  @Bean
  JavaDelegate writeChangeBaseline(ChangeRequestService requests, ChangeApprovalService service) {
    return execution -> service.writeBaseline(caseOf(requests, execution));
  }

  @Bean
  JavaDelegate queueChangeOutcomeNotices(ChangeRequestService requests, ChangeNotices notices) {
    return execution -> {
      long id = caseOf(requests, execution);
      notices.queueOutcome(id);
      OUTCOME.set(execution, ChangeRequestProcess.Outcome.of(requests.get(id).status()));
    };
  }

  @Bean
  JavaDelegate sendChangeNotices(ChangeRequestService requests, ChangeNotices notices) {
    return execution -> notices.sendPending(caseOf(requests, execution));
  }

  @Bean
  JavaDelegate recordChangeImplementation(ChangeRequestService requests, ChangeApprovalService service,
      CurrentActor actor) {
    return execution -> service.implement(caseOf(requests, execution), IMPLEMENTATION_NOTES.get(execution),
        actor.id());
  }

  @Bean
  JavaDelegate recordChangeVerification(ChangeRequestService requests, ChangeApprovalService service,
      CurrentActor actor) {
    return execution -> service.verify(caseOf(requests, execution), VERIFICATION.require(execution),
        VERIFICATION_COMMENT.get(execution), actor.id());
  }

  /**
   * Version 1.0.0 of change-request.bpmn named its reminder step so, with no input parameters; its instances that
   * still run keep working through this (from 1.1.0 both deadline steps are {@code ${escalateCase}}). Remove once no
   * instance of 1.0.0 runs.
   */
  @Bean
  JavaDelegate remindChangeApprovers(EscalationService escalations, ChangeEscalations cases) {
    return execution -> escalations.escalate(cases, execution.getProcessInstanceId(),
        new EscalationStep(EscalationTrigger.APPROVAL_REMINDER, null, 0, null), execution);
  }

  /** The escalation step of version 1.0.0, as {@link #remindChangeApprovers}. */
  @Bean
  JavaDelegate escalateChangeApproval(EscalationService escalations, ChangeEscalations cases) {
    return execution -> escalations.escalate(cases, execution.getProcessInstanceId(),
        new EscalationStep(EscalationTrigger.APPROVAL_OVERDUE, Roles.PMO, 1, null), execution);
  }

  private static long caseOf(ChangeRequestService requests, DelegateExecution execution) {
    return requests.idOfProcess(execution.getProcessInstanceId());
  }

  private static void subject(DelegateExecution execution, ChangeRequest request) {
    SUBJECT.set(execution, request.reference() + ": " + request.title());
  }
}
