package pmo.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pmo.notice.Notice;
import pmo.platform.Roles;
import pmo.project.Baseline;
import pmo.project.ProjectDetails;

/**
 * Every path of processes/change-request.bpmn on the real engine and database, checking the rows written: the
 * request's status and route, the approvals and votes, the project's baseline versions, the notices and the audit
 * trail.
 */
class ChangeRequestProcessTest extends ChangeTestSupport {

  @Autowired
  RepositoryService repository;

  @Test
  void standardChangeIsPreApprovedRebaselinedNotifiedImplementedAndClosed() {
    long projectId = project();
    ProcessInstance pi = raiseAndAssess(projectId, "standard", 2000, 3, "none");

    awaitAt(pi, ChangeRequestProcess.TASK_IMPLEMENT);
    assertThat(pi).hasPassed(ChangeRequestProcess.TASK_DECIDE_ROUTE, ChangeRequestProcess.TASK_WRITE_BASELINE,
        ChangeRequestProcess.TASK_SEND_NOTICES).hasNotPassed(ChangeRequestProcess.TASK_PMO_APPROVAL);
    ChangeRequest approved = requestOf(pi);
    assertThat(approved.status()).isEqualTo(ChangeStatus.APPROVED);
    assertThat(approved.route()).isEqualTo(Route.PRE_APPROVED);
    assertThat(approved.costDeltaPct()).isEqualByComparingTo("2.00");
    assertThat(approved.scheduleDeltaPct()).isEqualByComparingTo("3.00");
    assertThat(approved.routeDecisionKey()).isEqualTo(ChangeRequestProcess.ROUTE_DECISION);
    assertThat(approved.routeDecisionVersion()).isEqualTo(repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(ChangeRequestProcess.ROUTE_DECISION).latestVersion().singleResult().getVersion());
    // the route table's inputs and the table's version are kept by the request row and the decision history, not as
    // stored process variables
    var history = engine.getHistoryService();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableNameIn("costDeltaPct", "scheduleDeltaPct", "routeDecisionKey", "routeDecisionVersion").count())
        .isZero();
    assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(pi.getId()).includeInputs()
        .decisionDefinitionKey(ChangeRequestProcess.ROUTE_DECISION).singleResult().getInputs())
        .extracting(i -> i.getClauseName() + "=" + i.getValue())
        .contains("Cost delta (% of budget)=2.0", "Schedule delta (% of planned duration)=3.0");
    // the requester, set by the start event's initiator and confirmed by the stored request, is written once
    assertThat(history.createHistoricDetailQuery().processInstanceId(pi.getId()).variableUpdates().list().stream()
        .filter(d -> "requester".equals(((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getVariableName()))
        .count()).isEqualTo(1);
    assertThat(approved.assessedBy()).isEqualTo(manager);
    assertThat(approved.assessedBaseline()).isEqualTo(1);
    assertThat(approved.newBaselineVersion()).isEqualTo(2);
    assertThat(approvals(approved)).isEmpty();

    ProjectDetails project = projects.get(projectId);
    assertThat(project.baselines()).extracting(Baseline::version).containsExactly(1, 2);
    Baseline v1 = project.baselines().get(0);
    Baseline v2 = project.baselines().get(1);
    assertThat(v1.budgetAtCompletion()).isEqualByComparingTo("100000.00");
    assertThat(v1.plannedFinish()).isEqualTo(FINISH);
    assertThat(v2.budgetAtCompletion()).isEqualByComparingTo("102000.00");
    assertThat(v2.plannedStart()).isEqualTo(START);
    assertThat(v2.plannedFinish()).isEqualTo(FINISH.plusDays(3));
    assertThat(v2.scopeSummary()).isEqualTo("Build the reporting hub\n\n" + approved.reference()
        + ": Regional sales reports");
    assertThat(v2.changeRequestId()).isEqualTo(approved.id());
    assertThat(project.project().finishDate()).isEqualTo(FINISH.plusDays(3));

    List<Notice> sent = sentNotices(approved);
    assertThat(sent).extracting(Notice::recipient).containsExactlyInAnyOrder(sponsor, manager, requester);
    assertThat(sent).allSatisfy(n -> {
      assertThat(n.subject()).isEqualTo(approved.reference() + " approved: " + approved.title());
      assertThat(n.body()).contains("Outcome: APPROVED (route PRE_APPROVED)", "New baseline: version 2");
      assertThat(n.attempts()).isEqualTo(1);
      assertThat(n.sentAt()).isNotNull();
    });
    assertThat(mailsTo(requester + "@pmo.test")).anySatisfy(m ->
        assertThat(m.getSubject()).isEqualTo(approved.reference() + " approved: " + approved.title()));

    implementAndVerify(pi);
    assertThat(pi).isEnded().hasPassed(ChangeRequestProcess.END_CLOSED);
    ChangeRequest closed = requestOf(pi);
    assertThat(closed.status()).isEqualTo(ChangeStatus.CLOSED);
    assertThat(closed.implementedBy()).isEqualTo(manager);
    assertThat(closed.verifiedBy()).isEqualTo(requester);
    assertThat(actions(closed)).containsExactly("CHANGE_REQUEST_RAISED by rita", "CHANGE_REQUEST_ASSESSED by paula",
        "CHANGE_REQUEST_PRE_APPROVED by paula", "CHANGE_REQUEST_REBASELINED by paula",
        "CHANGE_REQUEST_IMPLEMENTED by paula", "CHANGE_REQUEST_CLOSED by rita");
    assertThat(audit.forEntity(ChangeRequestService.ENTITY, closed.id()))
        .allSatisfy(e -> assertThat(e.processInstanceId()).isEqualTo(pi.getId()));
  }

  @Test
  void theOutcomeIsWrittenInTheLanguageOfEachRecipient() {
    sponsor = reading(user("zhang-sponsor", Roles.REQUESTERS, Roles.STEERING_COMMITTEE), "zh-CN");
    reading(manager, "en");
    try {
      ProcessInstance pi = raiseAndAssess(project(), "standard", 2000, 3, "none");
      awaitAt(pi, ChangeRequestProcess.TASK_IMPLEMENT);
      ChangeRequest approved = requestOf(pi);
      List<Notice> sent = sentNotices(approved);
      assertThat(sent).filteredOn(n -> n.recipient().equals(sponsor)).singleElement().satisfies(n -> {
        assertThat(n.subject()).isEqualTo(approved.reference() + " 已批准：" + approved.title());
        assertThat(n.body()).startsWith("变更申请 " + approved.reference() + "“" + approved.title() + "”\n项目：")
            .contains("结果：批准（审批路径：预批准的标准变更）\n成本变动：2,000.00\n工期变动：3 天\n理由："
                + approved.outcomeReason() + "\n新基线：第 2 版\n审批记录：")
            .doesNotContain("Outcome", "Cost delta");
      });
      assertThat(sent).filteredOn(n -> n.recipient().equals(manager)).singleElement().satisfies(n -> {
        assertThat(n.subject()).isEqualTo(approved.reference() + " approved: " + approved.title());
        assertThat(n.body()).contains("Outcome: APPROVED (route PRE_APPROVED)\nCost delta: 2,000.00\n"
            + "Schedule delta: 3 days\nReason: " + approved.outcomeReason() + "\nNew baseline: version 2\nDecisions:")
            .doesNotContain("变更");
      });
    } finally {
      user("zhang-sponsor");
    }
  }

  @Test
  void smallNormalChangeIsApprovedByThePmo() {
    long projectId = project();
    ProcessInstance pi = raiseAndAssess(projectId, "normal", 3000, 5, "minor");
    assertThat(pi).isWaitingAt(ChangeRequestProcess.TASK_PMO_APPROVAL);
    ChangeRequest routed = requestOf(pi);
    assertThat(routed.status()).isEqualTo(ChangeStatus.IN_APPROVAL);
    assertThat(routed.route()).isEqualTo(Route.PMO);
    assertThat(runtime.getVariable(pi.getId(), "subject")).isEqualTo(routed.reference() + ": " + routed.title());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey())
        .as("Cockpit and the history name the instance by its request").isEqualTo(routed.reference());

    complete(pmo, pi, ChangeRequestProcess.TASK_PMO_APPROVAL, Map.of("pmoDecision", "approve", "pmoComment", "Fine"));
    awaitAt(pi, ChangeRequestProcess.TASK_IMPLEMENT);

    ChangeRequest approved = requestOf(pi);
    assertThat(approved.status()).isEqualTo(ChangeStatus.APPROVED);
    assertThat(approvals(approved)).singleElement().satisfies(a -> {
      assertThat(a.stage()).isEqualTo(ApprovalStage.PMO);
      assertThat(a.approver()).isEqualTo(pmo);
      assertThat(a.approverGroup()).isEqualTo("pmo");
      assertThat(a.decision()).isEqualTo(ApprovalDecision.APPROVE);
      assertThat(a.comment()).isEqualTo("Fine");
      assertThat(a.round()).isEqualTo(1);
      assertThat(a.taskId()).isNotNull();
    });
    assertThat(projects.get(projectId).currentBaseline().budgetAtCompletion()).isEqualByComparingTo("103000");
    assertThat(sentNotices(approved)).hasSize(3);
    assertThat(actions(approved)).containsExactly("CHANGE_REQUEST_RAISED by rita", "CHANGE_REQUEST_ASSESSED by paula",
        "CHANGE_REQUEST_ROUTED by paula", "CHANGE_APPROVAL_RECORDED by olga", "CHANGE_REQUEST_APPROVED by olga",
        "CHANGE_REQUEST_REBASELINED by olga");
  }

  @Test
  void largerChangeApprovedByEveryBoardMember() {
    long projectId = project();
    ProcessInstance pi = raiseAndAssess(projectId, "normal", 10000, 0, "none");
    assertThat(pi).isWaitingAt(ChangeRequestProcess.TASK_BOARD_VOTE);
    assertThat(requestOf(pi).route()).isEqualTo(Route.BOARD);

    Map<String, String> votes = everyVoter("approve", requester);
    assertThat(votes).containsKeys(carl, cora).doesNotContainKey(requester);
    String lastVoter = boardVotes(pi, votes);
    awaitAt(pi, ChangeRequestProcess.TASK_IMPLEMENT);

    ChangeRequest approved = requestOf(pi);
    assertThat(approved.status()).isEqualTo(ChangeStatus.APPROVED);
    assertThat(approvals(approved)).hasSize(votes.size()).allSatisfy(a -> {
      assertThat(a.stage()).isEqualTo(ApprovalStage.BOARD);
      assertThat(a.approverGroup()).isEqualTo("change-board");
      assertThat(a.decision()).isEqualTo(ApprovalDecision.APPROVE);
    }).extracting(Approval::approver).containsExactlyInAnyOrderElementsOf(votes.keySet());
    assertThat(projects.get(projectId).baselines()).extracting(Baseline::version).containsExactly(1, 2);
    assertThat(projects.get(projectId).currentBaseline().budgetAtCompletion()).isEqualByComparingTo("110000");
    assertThat(actions(approved)).containsSubsequence("CHANGE_REQUEST_ROUTED by paula", "CHANGE_VOTE_RECORDED by carl",
        "CHANGE_REQUEST_APPROVED by " + lastVoter, "CHANGE_REQUEST_REBASELINED by " + lastVoter);
    assertThat(sentNotices(approved)).hasSize(3);
  }

  @Test
  void anyBoardRejectRejectsAndWritesNoBaseline() {
    long projectId = project();
    ProcessInstance pi = raiseAndAssess(projectId, "normal", 0, 10, "none");
    assertThat(requestOf(pi).route()).isEqualTo(Route.BOARD);
    Map<String, String> votes = everyVoter("approve", requester);
    votes.put(cora, "reject");
    votes.put(carl, "rework");
    boardVotes(pi, votes);
    awaitAt(pi, null);

    assertThat(pi).hasPassed(ChangeRequestProcess.END_REJECTED).hasNotPassed(ChangeRequestProcess.TASK_WRITE_BASELINE,
        ChangeRequestProcess.TASK_REVISE);
    ChangeRequest rejected = requestOf(pi);
    assertThat(rejected.status()).isEqualTo(ChangeStatus.REJECTED);
    assertThat(rejected.outcomeReason()).isEqualTo("Change board: cora: Not like this (cora)");
    assertThat(rejected.newBaselineVersion()).isNull();
    assertThat(projects.get(projectId).baselines()).hasSize(1);
    assertThat(approvals(rejected)).hasSize(votes.size());
    List<Notice> sent = sentNotices(rejected);
    assertThat(sent).hasSize(3).allSatisfy(n -> {
      assertThat(n.subject()).startsWith(rejected.reference() + " rejected: ");
      assertThat(n.body()).contains("Reason: Change board: cora: Not like this (cora)");
    });
    assertThat(actions(rejected)).endsWith("CHANGE_REQUEST_REJECTED by " + lastVoter(rejected));
  }

  @Test
  void reworkGoesBackToTheRequesterThenIsReassessedAndApproved() {
    long projectId = project();
    ProcessInstance pi = raiseAndAssess(projectId, "normal", 8000, 0, "none");
    Map<String, String> votes = everyVoter("approve", requester);
    votes.put(carl, "rework");
    boardVotes(pi, votes);

    assertThat(pi).isWaitingAt(ChangeRequestProcess.TASK_REVISE);
    assertThat(task(pi, ChangeRequestProcess.TASK_REVISE).getAssignee()).isEqualTo(requester);
    ChangeRequest sentBack = requestOf(pi);
    assertThat(sentBack.status()).isEqualTo(ChangeStatus.REWORK);
    assertThat(runtime.getVariable(pi.getId(), "decisionReason")).isEqualTo("Change board: carl: Not like this (carl)");

    Map<String, Object> revised = request(projectId, "normal", 4000, 2, "none");
    revised.remove("projectId"); // the revise form does not move a request to another project
    revised.put("title", sentBack.title() + " (smaller)");
    complete(requester, pi, ChangeRequestProcess.TASK_REVISE, revised);
    assertThat(pi).isWaitingAt(ChangeRequestProcess.TASK_ASSESS);
    ChangeRequest resubmitted = requestOf(pi);
    assertThat(resubmitted.status()).isEqualTo(ChangeStatus.SUBMITTED);
    assertThat(resubmitted.round()).isEqualTo(2);
    assertThat(resubmitted.costDelta()).isEqualByComparingTo("4000");
    assertThat(resubmitted.route()).isNull();

    complete(manager, pi, ChangeRequestProcess.TASK_ASSESS, Map.of());
    assertThat(pi).isWaitingAt(ChangeRequestProcess.TASK_PMO_APPROVAL);
    complete(pmo, pi, ChangeRequestProcess.TASK_PMO_APPROVAL, Map.of("pmoDecision", "approve"));
    awaitAt(pi, ChangeRequestProcess.TASK_IMPLEMENT);

    ChangeRequest approved = requestOf(pi);
    assertThat(approved.status()).isEqualTo(ChangeStatus.APPROVED);
    assertThat(approved.route()).isEqualTo(Route.PMO);
    assertThat(approved.title()).endsWith("(smaller)");
    assertThat(approvals(approved)).extracting(a -> a.round() + " " + a.stage() + " " + a.decision())
        .contains("1 BOARD REWORK", "2 PMO APPROVE").hasSize(votes.size() + 1);
    assertThat(projects.get(projectId).currentBaseline().budgetAtCompletion()).isEqualByComparingTo("104000");
    assertThat(projects.get(projectId).baselines()).extracting(Baseline::version).containsExactly(1, 2);
    assertThat(sentNotices(approved)).hasSize(3).allSatisfy(n -> assertThat(n.subject()).contains("approved"));
    assertThat(actions(approved)).containsSubsequence("CHANGE_REQUEST_ROUTED by paula",
        "CHANGE_REQUEST_SENT_BACK by " + lastVoter(approved), "CHANGE_REQUEST_REVISED by rita",
        "CHANGE_REQUEST_ASSESSED by paula", "CHANGE_REQUEST_ROUTED by paula", "CHANGE_REQUEST_APPROVED by olga");
  }

  @Test
  void largestChangeNeedsTheBoardAndThenTheSteeringCommittee() {
    long projectId = project();
    ProcessInstance pi = raiseAndAssess(projectId, "normal", 25000, 0, "none");
    assertThat(requestOf(pi).route()).isEqualTo(Route.BOARD_AND_STEERING);
    boardVotes(pi, everyVoter("approve", requester));

    assertThat(pi).isWaitingAt(ChangeRequestProcess.TASK_STEERING_APPROVAL);
    assertThat(requestOf(pi).status()).isEqualTo(ChangeStatus.IN_APPROVAL);
    assertThat(projects.get(projectId).baselines()).hasSize(1);
    complete(sponsor, pi, ChangeRequestProcess.TASK_STEERING_APPROVAL, Map.of("steeringDecision", "approve"));
    awaitAt(pi, ChangeRequestProcess.TASK_IMPLEMENT);

    ChangeRequest approved = requestOf(pi);
    assertThat(approved.status()).isEqualTo(ChangeStatus.APPROVED);
    assertThat(approvals(approved)).extracting(a -> a.stage() + " " + a.approverGroup())
        .contains("BOARD change-board", "STEERING steering-committee");
    assertThat(projects.get(projectId).currentBaseline().budgetAtCompletion()).isEqualByComparingTo("125000");
    assertThat(sentNotices(approved)).hasSize(3)
        .allSatisfy(n -> assertThat(n.body()).contains("route BOARD_AND_STEERING", "steering committee approval by sam"));
    assertThat(actions(approved)).containsSubsequence("CHANGE_VOTE_RECORDED by " + lastVoter(approved),
        "CHANGE_APPROVAL_RECORDED by sam", "CHANGE_REQUEST_APPROVED by sam", "CHANGE_REQUEST_REBASELINED by sam");
  }

  @Test
  void majorQualityImpactAlsoGoesToTheSteeringCommitteeWhoMayReject() {
    long projectId = project();
    ProcessInstance pi = raiseAndAssess(projectId, "normal", 100, 0, "major");
    assertThat(requestOf(pi).route()).isEqualTo(Route.BOARD_AND_STEERING);
    boardVotes(pi, everyVoter("approve", requester));
    complete(sponsor, pi, ChangeRequestProcess.TASK_STEERING_APPROVAL,
        Map.of("steeringDecision", "reject", "steeringComment", "Quality comes first"));
    awaitAt(pi, null);
    ChangeRequest rejected = requestOf(pi);
    assertThat(rejected.status()).isEqualTo(ChangeStatus.REJECTED);
    assertThat(rejected.outcomeReason()).isEqualTo("Quality comes first");
    assertThat(projects.get(projectId).baselines()).hasSize(1);
  }

  @Test
  void emergencyChangeIsExpeditedImplementedThenReviewedByTheBoard() {
    long projectId = project();
    ProcessInstance pi = raiseAndAssess(projectId, "emergency", 30000, 30, "major");
    assertThat(pi).isWaitingAt(ChangeRequestProcess.TASK_EXPEDITED_APPROVAL);
    assertThat(requestOf(pi).route()).isEqualTo(Route.EMERGENCY);

    complete(pmo, pi, ChangeRequestProcess.TASK_EXPEDITED_APPROVAL, Map.of("expeditedDecision", "approve"));
    awaitAt(pi, ChangeRequestProcess.TASK_IMPLEMENT);
    assertThat(requestOf(pi).status()).isEqualTo(ChangeStatus.APPROVED);
    assertThat(projects.get(projectId).currentBaseline().plannedFinish()).isEqualTo(FINISH.plusDays(30));
    assertThat(sentNotices(requestOf(pi))).extracting(Notice::recipient)
        .containsExactlyInAnyOrder(sponsor, manager, requester);

    complete(manager, pi, ChangeRequestProcess.TASK_IMPLEMENT, Map.of("implementationNotes", "Hotfix deployed"));
    assertThat(pi).isWaitingAt(ChangeRequestProcess.TASK_REVIEW);
    assertThat(requestOf(pi).status()).isEqualTo(ChangeStatus.IMPLEMENTED);
    complete(carl, pi, ChangeRequestProcess.TASK_REVIEW, Map.of("reviewDecision", "approve",
        "reviewComment", "Right call under the circumstances"));
    assertThat(pi).isWaitingAt(ChangeRequestProcess.TASK_VERIFY);
    complete(requester, pi, ChangeRequestProcess.TASK_VERIFY, Map.of("verification", "accept"));

    assertThat(pi).isEnded().hasPassed(ChangeRequestProcess.TASK_REVIEW, ChangeRequestProcess.END_CLOSED);
    ChangeRequest closed = requestOf(pi);
    assertThat(closed.status()).isEqualTo(ChangeStatus.CLOSED);
    assertThat(approvals(closed)).extracting(a -> a.stage() + " " + a.approver() + " " + a.decision())
        .containsExactly("EXPEDITED olga APPROVE", "REVIEW carl APPROVE");
    assertThat(actions(closed)).containsExactly("CHANGE_REQUEST_RAISED by rita", "CHANGE_REQUEST_ASSESSED by paula",
        "CHANGE_REQUEST_ROUTED by paula", "CHANGE_APPROVAL_RECORDED by olga", "CHANGE_REQUEST_APPROVED by olga",
        "CHANGE_REQUEST_REBASELINED by olga", "CHANGE_REQUEST_IMPLEMENTED by paula",
        "CHANGE_APPROVAL_RECORDED by carl", "CHANGE_REQUEST_CLOSED by rita");
  }

  @Test
  void verificationCanReopenTheImplementation() {
    long projectId = project();
    ProcessInstance pi = raiseAndAssess(projectId, "standard", 0, 0, "none");
    awaitAt(pi, ChangeRequestProcess.TASK_IMPLEMENT);
    complete(manager, pi, ChangeRequestProcess.TASK_IMPLEMENT, Map.of("implementationNotes", "Half done"));
    complete(requester, pi, ChangeRequestProcess.TASK_VERIFY,
        Map.of("verification", "reopen", "verificationComment", "The regional filter is missing"));
    assertThat(pi).isWaitingAt(ChangeRequestProcess.TASK_IMPLEMENT);
    assertThat(requestOf(pi).status()).isEqualTo(ChangeStatus.APPROVED);
    implementAndVerify(pi);
    assertThat(pi).isEnded();
    assertThat(actions(requestOf(pi))).containsSubsequence("CHANGE_REQUEST_REOPENED by rita",
        "CHANGE_REQUEST_IMPLEMENTED by paula", "CHANGE_REQUEST_CLOSED by rita");
  }

  private String lastVoter(ChangeRequest request) {
    List<Approval> votes = approvals(request).stream().filter(a -> a.stage() == ApprovalStage.BOARD).toList();
    return votes.get(votes.size() - 1).approver();
  }

  private static List<MimeMessage> mailsTo(String address) {
    return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
      } catch (jakarta.mail.MessagingException e) {
        return false;
      }
    }).toList();
  }
}
