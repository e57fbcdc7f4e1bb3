package pmo.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pmo.platform.InvalidInputException;
import pmo.platform.Roles;
import pmo.platform.SegregationOfDutiesException;
import pmo.project.Baseline;

/**
 * The rules around the change request process: the four-eyes rule whatever groups the requester has, bad input at
 * the start, the assessment and the approvals (a clear error and nothing written), cancellation with the project,
 * and raising a request from Java for another capability.
 */
class ChangeRequestRulesTest extends ChangeTestSupport {

  @Autowired
  ChangeApprovalService approvalService;
  @Autowired
  HistoryService history;

  @Test
  void requesterInEveryGroupCanNeitherApproveNorVoteOnTheirOwnRequest() {
    String bea = user("bea", Roles.REQUESTERS, Roles.PMO, Roles.CHANGE_BOARD, Roles.STEERING_COMMITTEE);
    try {
      ProcessInstance small = raise(bea, request(project(), "normal", 1000, 0, "none"));
      complete(manager, small, ChangeRequestProcess.TASK_ASSESS, Map.of());
      Task approval = task(small, ChangeRequestProcess.TASK_PMO_APPROVAL);
      // not offered to her: absent from her lists, and a claim or completion is refused before any listener runs
      actAs(bea);
      assertThat(tasks.createTaskQuery().taskCandidateGroup(Roles.PMO).processInstanceId(small.getId()).count())
          .isZero();
      assertThat(failureOf(() -> tasks.claim(approval.getId(), bea)))
          .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
      assertThat(failureOf(() -> tasks.complete(approval.getId(), Map.of("pmoDecision", "approve"))))
          .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
      actAs(pmo);
      assertThat(tasks.createTaskQuery().taskCandidateGroup(Roles.PMO).processInstanceId(small.getId()).singleResult()
          .getId()).isEqualTo(approval.getId());
      identityService.clearAuthentication();
      // an administrator (not bound by authorizations) still cannot hand it to her
      assertThat(failureOf(() -> tasks.claim(approval.getId(), bea)))
          .isInstanceOf(SegregationOfDutiesException.class)
          .hasMessageContaining("Four-eyes rule: bea is the requester");
      ChangeRequest own = requestOf(small);
      assertThat(failureOf(() -> approvalService.decide(own.id(), ApprovalStage.PMO, ApprovalDecision.APPROVE, null, bea,
          null)))
          .isInstanceOf(SegregationOfDutiesException.class).hasMessageContaining("bea raised " + own.reference());
      assertThat(requestOf(small).status()).isEqualTo(ChangeStatus.IN_APPROVAL);
      assertThat(approvals(own)).isEmpty();
      assertThat(tasks.createTaskQuery().taskId(approval.getId()).singleResult().getAssignee()).isNull();

      ProcessInstance large = raise(bea, request(project(), "normal", 9000, 0, "none"));
      complete(manager, large, ChangeRequestProcess.TASK_ASSESS, Map.of());
      List<Task> votes = tasks.createTaskQuery().processInstanceId(large.getId())
          .taskDefinitionKey(ChangeRequestProcess.TASK_BOARD_VOTE).list();
      assertThat(votes).extracting(Task::getAssignee).contains(carl, cora).doesNotContain(bea);
      Task carlsVote = votes.stream().filter(t -> t.getAssignee().equals(carl)).findFirst().orElseThrow();
      actAs(bea);
      assertThat(failureOf(() -> tasks.complete(carlsVote.getId(), Map.of("vote", "approve"))))
          .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
      identityService.clearAuthentication();
      // not even an administrator can hand the requester a vote on their own request
      assertThat(failureOf(() -> tasks.setAssignee(carlsVote.getId(), bea)))
          .isInstanceOf(SegregationOfDutiesException.class).hasMessageContaining("bea is the requester");
      assertThat(approvals(requestOf(large))).isEmpty();
      assertThat(tasks.createTaskQuery().taskId(carlsVote.getId()).singleResult().getAssignee()).isEqualTo(carl);
    } finally {
      identityService.clearAuthentication();
      user("bea", Roles.REQUESTERS);
    }
  }

  @Test
  void nobodyRaisesARequestInSomeoneElsesName() {
    Map<String, Object> vars = request(project(), "normal", 1000, 0, "none");
    vars.put("requester", carl);
    actAs(requester);
    try {
      // the start form has no requester: the initiator is whoever is signed in
      assertThat(failureOf(() -> runtime.startProcessInstanceByKey(ChangeRequestProcess.KEY, vars)))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("requester: is not a field of the start form of 'Change request'");
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(jdbc.sql("select count(*) from change_request where title = :t").param("t", vars.get("title"))
        .query(Long.class).single()).isZero();
  }

  @Test
  void whoeverImplementedTheChangeCannotVerifyIt() {
    // the project manager raises a change to their own project, implements it, and may not verify it: the PMO does
    ProcessInstance pi = raise(manager, request(project(), "standard", 0, 1, "none"));
    complete(manager, pi, ChangeRequestProcess.TASK_ASSESS, Map.of());
    awaitAt(pi, ChangeRequestProcess.TASK_IMPLEMENT);
    complete(manager, pi, ChangeRequestProcess.TASK_IMPLEMENT, Map.of("implementationNotes", "Done by me"));
    Task verify = task(pi, ChangeRequestProcess.TASK_VERIFY);
    actAs(manager);
    assertThat(failureOf(() -> tasks.claim(verify.getId(), manager)))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    identityService.clearAuthentication();
    assertThat(failureOf(() -> tasks.claim(verify.getId(), manager)))
        .isInstanceOf(SegregationOfDutiesException.class).hasMessageContaining("paula is the implementer");
    assertThat(requestOf(pi).status()).isEqualTo(ChangeStatus.IMPLEMENTED);
    assertThat(verify.getAssignee()).as("the model assigns it to the requester, whom the rule keeps from it").isNull();
    complete(pmo, pi, ChangeRequestProcess.TASK_VERIFY, Map.of("verification", "accept"));
    assertThat(pi).isEnded();
    assertThat(requestOf(pi).verifiedBy()).isEqualTo(pmo);
  }

  @Test
  void badStartInputIsRejectedByFieldAndWritesNothing() {
    long projectId = project();
    long cancelled = project();
    projects.cancel(cancelled, "No longer needed");
    String description = "Bad input " + unique();

    assertStartRejected(with(projectId, description, "title", ""), "title: is required");
    assertStartRejected(with(987654321L, description, "title", "Ghost"), "projectId: unknown project 987654321");
    assertStartRejected(with(cancelled, description, "title", "Too late"),
        "projectId: project " + projects.find(cancelled).code() + " is CANCELLED");
    assertStartRejected(with(projectId, description, "scheduleDeltaDays", -100),
        "scheduleDeltaDays: would move the planned finish (2026-04-10) before the planned start (2026-01-01)");
    assertStartRejected(with(projectId, description, "costDelta", -100000.01),
        "costDelta: would make the budget negative (the current baseline budget is 100000.00)");
    assertStartRejected(with(projectId, description, "changeType", "whenever"),
        "changeType: must be one of normal, standard, emergency, not 'whenever'");

    assertThat(jdbc.sql("select count(*) from change_request where description = :d").param("d", description)
        .query(Long.class).single()).isZero();
    assertThat(runtime.createProcessInstanceQuery().variableValueEquals("description", description).count())
        .isZero();
    assertThat(projects.get(projectId).baselines()).hasSize(1);
  }

  @Test
  void badAssessmentAndBadDecisionsAreRejectedAndWriteNothing() {
    long projectId = project();
    ProcessInstance pi = raise(requester, request(projectId, "normal", 1000, 0, "none"));
    Task assess = task(pi, ChangeRequestProcess.TASK_ASSESS);
    actAs(manager);
    assertThat(failureOf(() -> tasks.complete(assess.getId(), Map.of("costDelta", -200000, "scheduleDeltaDays", 0,
        "qualityImpact", "none"))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("costDelta: would make the budget negative");
    identityService.clearAuthentication();
    assertThat(pi).isWaitingAt(ChangeRequestProcess.TASK_ASSESS);
    assertThat(requestOf(pi).assessedBy()).isNull();
    complete(manager, pi, ChangeRequestProcess.TASK_ASSESS, Map.of());

    Task approval = task(pi, ChangeRequestProcess.TASK_PMO_APPROVAL);
    actAs(pmo);
    tasks.claim(approval.getId(), pmo);
    assertThat(failureOf(() -> tasks.complete(approval.getId(), Map.of("pmoDecision", "reject"))))
        .isInstanceOf(InvalidInputException.class).hasMessage("pmoComment: is required when you reject");
    assertThat(failureOf(() -> tasks.complete(approval.getId(), Map.of("pmoDecision", "maybe"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("pmoDecision: must be one of approve, reject, rework, not 'maybe'");
    identityService.clearAuthentication();
    assertThat(requestOf(pi).status()).isEqualTo(ChangeStatus.IN_APPROVAL);
    assertThat(approvals(requestOf(pi))).isEmpty();
  }

  @Test
  void aVoteThatIsNotOneOfTheChoicesIsRejectedByFieldAndWritesNothing() {
    ProcessInstance pi = raise(requester, request(project(), "normal", 6000, 0, "none"));
    complete(manager, pi, ChangeRequestProcess.TASK_ASSESS, Map.of());
    Task carlsVote = tasks.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(ChangeRequestProcess.TASK_BOARD_VOTE).taskAssignee(carl).singleResult();
    actAs(carl);
    // the form's rule, applied by the engine on completion
    InvalidInputException form = (InvalidInputException) failureOf(() ->
        tasks.complete(carlsVote.getId(), Map.of("vote", "abstain")));
    assertThat(form.errors()).singleElement().satisfies(e -> {
      assertThat(e.field()).isEqualTo("vote");
      assertThat(e.reason()).isEqualTo("must be one of approve, reject, rework, not 'abstain'");
    });
    identityService.clearAuthentication();
    // the service's own check, for callers that skip the form: a choice the step does not offer, or none
    ChangeRequest request = requestOf(pi);
    assertThat(failureOf(() -> approvalService.decide(request.id(), ApprovalStage.EXPEDITED, ApprovalDecision.REWORK,
        "x", pmo, null))).hasMessage("expeditedDecision: must be one of approve, reject, not 'rework'");
    InvalidInputException none = (InvalidInputException) failureOf(() ->
        approvalService.decide(request.id(), ApprovalStage.BOARD, null, null, carl, carlsVote.getId()));
    assertThat(none.errors()).singleElement().satisfies(e -> assertThat(e).hasToString("vote: is required"));

    assertThat(approvals(requestOf(pi))).isEmpty();
    assertThat(tasks.createTaskQuery().taskId(carlsVote.getId()).count()).isEqualTo(1);
    assertThat(actions(requestOf(pi))).doesNotContain("CHANGE_VOTE_RECORDED by carl");
  }

  @Test
  void cancellingTheProjectCancelsItsOpenChangeRequestsAndEndsTheirProcesses() {
    long projectId = project();
    ProcessInstance atPmo = raiseAndAssess(projectId, "normal", 1000, 0, "none");
    ProcessInstance atBoard = raiseAndAssess(projectId, "normal", 9000, 0, "none");
    ProcessInstance rejected = raiseAndAssess(projectId, "normal", 500, 0, "none");
    complete(pmo, rejected, ChangeRequestProcess.TASK_PMO_APPROVAL,
        Map.of("pmoDecision", "reject", "pmoComment", "Not now"));
    awaitAt(rejected, null);
    ProcessInstance elsewhere = raiseAndAssess(project(), "normal", 1000, 0, "none");

    projects.cancel(projectId, "Strategy changed");

    for (ProcessInstance pi : List.of(atPmo, atBoard)) {
      ChangeRequest cancelled = requestOf(pi);
      assertThat(cancelled.status()).isEqualTo(ChangeStatus.CANCELLED);
      assertThat(cancelled.outcomeReason()).isEqualTo("Project cancelled: Strategy changed");
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
          .getDeleteReason()).isEqualTo("Project cancelled: Strategy changed");
      assertThat(actions(cancelled)).last().isEqualTo("CHANGE_REQUEST_CANCELLED by system");
    }
    assertThat(tasks.createTaskQuery().processInstanceId(atBoard.getId()).count()).isZero();
    assertThat(requestOf(rejected).status()).isEqualTo(ChangeStatus.REJECTED);
    assertThat(requestOf(elsewhere).status()).isEqualTo(ChangeStatus.IN_APPROVAL);
    assertThat(elsewhere).isNotEnded();
  }

  @Test
  void anotherCapabilityCanRaiseARequestInARequestersName() {
    long projectId = project();
    ChangeRequest raised = changes.raise(new ChangeRequestDraft(projectId, "Fix from issue " + unique(),
        "The issue needs a scope change", "Issue ISS-7", ChangeType.NORMAL, new BigDecimal("2500"), 4,
        "Extra data feed", QualityImpact.MINOR, null), requester);
    assertThat(raised.requester()).isEqualTo(requester);
    assertThat(raised.status()).isEqualTo(ChangeStatus.SUBMITTED);
    assertThat(raised.changeType()).isEqualTo(ChangeType.NORMAL);
    assertThat(raised.qualityImpact()).isEqualTo(QualityImpact.MINOR);
    assertThat(runtime.getVariable(raised.processInstanceId(), "requester")).isEqualTo(requester);
    // the process holds the choices as the start form's values, which the routing table compares with
    assertThat(runtime.getVariable(raised.processInstanceId(), "changeType")).isEqualTo("normal");
    assertThat(runtime.getVariable(raised.processInstanceId(), "qualityImpact")).isEqualTo("minor");
    assertThat(task(runtime.createProcessInstanceQuery().processInstanceId(raised.processInstanceId())
        .singleResult(), ChangeRequestProcess.TASK_ASSESS).getAssignee()).isEqualTo(manager);
    assertThat(actions(raised)).containsExactly("CHANGE_REQUEST_RAISED by rita");
    assertThat(projects.get(projectId).baselines()).extracting(Baseline::version).containsExactly(1);

    assertThat(failureOf(() -> changes.raise(new ChangeRequestDraft(projectId, "", "d", "r", ChangeType.NORMAL,
        BigDecimal.ONE, 0, null, null, null), "nobody-" + unique())))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("title: must not be blank")
        .hasMessageContaining("qualityImpact: must not be null").hasMessageContaining("requester: unknown user");
  }

  private Map<String, Object> with(long projectId, String description, String key, Object value) {
    Map<String, Object> vars = request(projectId, "normal", 1000, 0, "none");
    vars.put("description", description);
    vars.put(key, value);
    return vars;
  }

  private void assertStartRejected(Map<String, Object> variables, String message) {
    actAs(requester);
    try {
      assertThat(failureOf(() -> runtime.startProcessInstanceByKey(ChangeRequestProcess.KEY, variables)))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining(message);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
