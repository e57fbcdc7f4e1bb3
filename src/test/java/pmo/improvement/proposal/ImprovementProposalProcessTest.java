package pmo.improvement.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pmo.IntegrationTest;
import pmo.audit.AuditService;
import pmo.escalation.Escalation;
import pmo.escalation.EscalationKind;
import pmo.escalation.EscalationService;
import pmo.escalation.EscalationTrigger;
import pmo.notice.Notice;
import pmo.notice.NoticeService;
import pmo.notice.NoticeStatus;
import pmo.platform.InvalidInputException;
import pmo.platform.Roles;
import pmo.platform.Viewer;

/**
 * Every path of processes/improvement-proposal.bpmn on the real engine and database: accepted, implemented with its
 * deployment and verified (points on acceptance and verification, the leaderboard); rejected; more information, revised,
 * accepted, benefit not confirmed; the reminder before the due date and the escalation after it; the four-eyes rules
 * (the proposer never evaluates nor verifies, the implementer never verifies); bad input refused naming the field with
 * nothing written.
 */
class ImprovementProposalProcessTest extends IntegrationTest {

  @Autowired
  ProposalService service;
  @Autowired
  ProposalRegister register;
  @Autowired
  Recognition recognition;
  @Autowired
  AuditService audit;
  @Autowired
  NoticeService notices;
  @Autowired
  EscalationService escalations;

  String rita;
  String olga;
  String oscar;
  String owen;

  @BeforeEach
  void users() {
    rita = user("rita-ip", Roles.REQUESTERS);
    olga = user("olga-ip", Roles.REQUESTERS, Roles.PMO);
    oscar = user("oscar-ip", Roles.REQUESTERS, Roles.PMO);
    owen = user("owen-ip", Roles.PROCESS_OWNERS);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Map<String, Object> proposalVariables(String title) {
    return new HashMap<>(Map.of("title", title, "problem", "Change requests wait days for the PMO",
        "proposal", "Let the PMO approve small changes in a weekly slot", "expectedBenefit", "Two days less waiting",
        "concerns", "change-request"));
  }

  private ProcessInstance propose(String user, String title) {
    return start(user, ImprovementProposalProcess.KEY, proposalVariables(title));
  }

  private Proposal proposalOf(ProcessInstance pi) {
    return register.find(service.idOfProcess(pi.getId()));
  }

  private Map<String, Object> accept(String implementer, LocalDate by, int points) {
    Map<String, Object> v = new HashMap<>();
    v.put("evaluation", "accept");
    v.put("evaluationReason", "Worth trying");
    v.put("implementer", implementer);
    v.put("implementBy", by.toString());
    v.put("points", points);
    return v;
  }

  private void awaitAt(ProcessInstance pi, String activity) {
    await().atMost(Duration.ofSeconds(30)).until(() -> engine.getRuntimeService()
        .getActiveActivityIds(pi.getId()).contains(activity));
  }

  private void awaitEnded(ProcessInstance pi) {
    await().atMost(Duration.ofSeconds(30)).until(() -> engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(pi.getId()).count() == 0);
  }

  private List<String> actions(long id) {
    return audit.forEntity(ProposalService.ENTITY, id).stream().map(e -> e.action() + " by " + e.actor()).toList();
  }

  @Test
  void acceptedImplementedAndVerifiedEarnsPointsTwice() {
    ProcessInstance pi = propose(rita, "Weekly approval slot " + unique());
    Proposal proposal = proposalOf(pi);
    assertThat(proposal.proposer()).isEqualTo(rita);
    assertThat(proposal.status()).isEqualTo(ProposalStatus.SUBMITTED);
    assertThat(pi).isWaitingAt(ImprovementProposalProcess.TASK_EVALUATE);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
        .getBusinessKey()).isEqualTo("IP-" + proposal.id());
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "points")).isEqualTo(10.0);

    complete(olga, pi.getId(), accept(owen, LocalDate.now().plusDays(20), 15));
    awaitAt(pi, ImprovementProposalProcess.TASK_IMPLEMENT);
    proposal = proposalOf(pi);
    assertThat(proposal.status()).isEqualTo(ProposalStatus.ACCEPTED);
    assertThat(proposal.implementer()).isEqualTo(owen);
    assertThat(proposal.evaluatedBy()).isEqualTo(olga);
    Task implement = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(implement.getAssignee()).isEqualTo(owen);

    String deployment = engine.getRepositoryService().createDeploymentQuery().orderByDeploymentTime().desc()
        .listPage(0, 1).get(0).getId();
    complete(owen, pi.getId(), Map.of("implementationNotes", "Weekly slot on Tuesdays", "deploymentId", deployment));
    assertThat(proposalOf(pi).deploymentId()).isEqualTo(deployment);
    assertThat(register.implementedBy(List.of(deployment))).extracting(Proposal::id).contains(proposal.id());
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "points")).isEqualTo(20.0);

    complete(oscar, pi.getId(), Map.of("verification", "confirmed", "points", 25));
    awaitEnded(pi);
    assertThat(pi).hasPassed(ImprovementProposalProcess.END_CLOSED);
    proposal = proposalOf(pi);
    assertThat(proposal.status()).isEqualTo(ProposalStatus.VERIFIED);
    assertThat(proposal.verifiedBy()).isEqualTo(oscar);
    assertThat(actions(proposal.id())).containsExactly("PROPOSAL_SUBMITTED by " + rita,
        "PROPOSAL_ACCEPTED by " + olga, "PROPOSAL_IMPLEMENTED by " + owen, "PROPOSAL_VERIFIED by " + oscar);
    Recognition.Standing standing = recognition.leaderboard(null).standings().stream()
        .filter(s -> s.person().equals(rita)).findFirst().orElseThrow();
    assertThat(standing.points()).isGreaterThanOrEqualTo(40);
    assertThat(standing.accepted()).isGreaterThanOrEqualTo(1);
    assertThat(standing.verified()).isGreaterThanOrEqualTo(1);
    List<Integer> points = jdbc.sql("select points from recognition where proposal_id = :id order by id")
        .param("id", proposal.id()).query(Integer.class).list();
    assertThat(points).containsExactly(15, 25);
    await().atMost(Duration.ofSeconds(30)).until(() -> notices.forRelated(ProposalService.ENTITY, proposalOf(pi).id())
        .stream().allMatch(n -> n.status() == NoticeStatus.SENT));
    assertThat(notices.forRelated(ProposalService.ENTITY, proposal.id())).extracting(Notice::recipient)
        .containsExactly(rita, owen, rita, owen);
  }

  @Test
  void theEvaluationIsWrittenInTheLanguageOfEachRecipient() {
    String chinese = reading(user("wang-ip", Roles.REQUESTERS), "zh-CN");
    reading(owen, "en");
    try {
      String title = "每周审批时段 " + unique();
      ProcessInstance pi = propose(chinese, title);
      LocalDate by = LocalDate.now().plusDays(20);
      complete(olga, pi.getId(), accept(owen, by, 15));
      awaitAt(pi, ImprovementProposalProcess.TASK_IMPLEMENT);
      Proposal proposal = proposalOf(pi);
      List<Notice> queued = notices.forRelated(ProposalService.ENTITY, proposal.id());
      assertThat(queued).extracting(Notice::recipient).containsExactly(chinese, owen);
      assertThat(queued.get(0).subject()).isEqualTo(proposal.reference() + " 已采纳：" + title);
      assertThat(queued.get(0).body()).isEqualTo("改进提案 " + proposal.reference() + "“" + title + "”\n"
          + "涉及：change-request\n提案人：" + chinese + "\n" + olga + " 的决定：采纳\n理由：Worth trying\n"
          + "由 " + owen + " 在 " + by.getYear() + "年" + by.getMonthValue() + "月" + by.getDayOfMonth() + "日 前实施\n");
      assertThat(queued.get(1).subject()).isEqualTo(proposal.reference() + " accepted: " + title);
      assertThat(queued.get(1).body()).isEqualTo("Improvement proposal " + proposal.reference() + " \"" + title
          + "\"\nConcerns: change-request\nProposed by: " + chinese + "\nDecision by " + olga + ": ACCEPTED\n"
          + "Reason: Worth trying\nImplemented by " + owen + " by "
          + by.format(java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy", java.util.Locale.ENGLISH)) + "\n");
    } finally {
      user(chinese);
    }
  }

  @Test
  void rejectedEndsWithTheReasonToTheProposer() {
    ProcessInstance pi = propose(rita, "Rejected idea " + unique());
    complete(olga, pi.getId(), Map.of("evaluation", "reject", "evaluationReason", "Already covered by the gate",
        "points", 10));
    awaitEnded(pi);
    assertThat(pi).hasPassed(ImprovementProposalProcess.END_REJECTED);
    Proposal proposal = proposalOf(pi);
    assertThat(proposal.status()).isEqualTo(ProposalStatus.REJECTED);
    assertThat(proposal.evaluationReason()).isEqualTo("Already covered by the gate");
    assertThat(jdbc.sql("select count(*) from recognition where proposal_id = :id").param("id", proposal.id())
        .query(Long.class).single()).isZero();
    assertThat(notices.forRelated(ProposalService.ENTITY, proposal.id())).singleElement()
        .satisfies(n -> assertThat(n.subject()).startsWith(proposal.reference() + " rejected"))
        .extracting(Notice::recipient).isEqualTo(rita);
  }

  @Test
  void moreInformationThenRevisedThenAcceptedButBenefitNotConfirmed() {
    ProcessInstance pi = propose(rita, "Vague idea " + unique());
    complete(olga, pi.getId(), Map.of("evaluation", "more-info", "evaluationReason", "Which step is slow?",
        "points", 10));
    awaitAt(pi, ImprovementProposalProcess.TASK_REVISE);
    assertThat(proposalOf(pi).status()).isEqualTo(ProposalStatus.MORE_INFO);
    Task revise = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(revise.getAssignee()).isEqualTo(rita);
    Map<String, Object> revised = proposalVariables("Clearer idea " + unique());
    revised.put("problem", "The PMO approval step waits 3 days on average");
    complete(rita, pi.getId(), revised);
    assertThat(pi).isWaitingAt(ImprovementProposalProcess.TASK_EVALUATE);
    assertThat(proposalOf(pi).problem()).isEqualTo("The PMO approval step waits 3 days on average");
    assertThat(proposalOf(pi).status()).isEqualTo(ProposalStatus.SUBMITTED);

    complete(oscar, pi.getId(), accept(olga, LocalDate.now().plusDays(10), 0));
    awaitAt(pi, ImprovementProposalProcess.TASK_IMPLEMENT);
    complete(olga, pi.getId(), Map.of("implementationNotes", "Slot introduced"));
    // the implementer may not verify their own work
    Task verify = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(failureOf(() -> claimAs(olga, verify))).isInstanceOf(AuthorizationException.class);
    complete(oscar, pi.getId(), Map.of("verification", "not-confirmed", "verificationComment",
        "Waiting time unchanged", "points", 0));
    awaitEnded(pi);
    Proposal proposal = proposalOf(pi);
    assertThat(proposal.status()).isEqualTo(ProposalStatus.NOT_VERIFIED);
    assertThat(jdbc.sql("select reason from recognition where proposal_id = :id").param("id", proposal.id())
        .query(String.class).list()).containsExactly("ACCEPTED");
    assertThat(actions(proposal.id())).containsSubsequence("PROPOSAL_MORE_INFO_REQUESTED by " + olga,
        "PROPOSAL_REVISED by " + rita, "PROPOSAL_ACCEPTED by " + oscar, "PROPOSAL_NOT_VERIFIED by " + oscar);
  }

  @Test
  void theProposerCannotEvaluateNorVerifyTheirOwnProposal() {
    ProcessInstance pi = propose(olga, "Own idea " + unique());
    Task evaluate = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(failureOf(() -> claimAs(olga, evaluate))).isInstanceOf(AuthorizationException.class);
    assertThat(failureOf(() -> completeAs(olga, evaluate, accept(owen, LocalDate.now().plusDays(5), 10))))
        .isInstanceOf(AuthorizationException.class);
    assertThat(proposalOf(pi).status()).isEqualTo(ProposalStatus.SUBMITTED);

    complete(oscar, pi.getId(), accept(owen, LocalDate.now().plusDays(5), 10));
    awaitAt(pi, ImprovementProposalProcess.TASK_IMPLEMENT);
    complete(owen, pi.getId(), Map.of("implementationNotes", "Done"));
    Task verify = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(failureOf(() -> claimAs(olga, verify))).isInstanceOf(AuthorizationException.class);
  }

  @Test
  void theImplementerIsRemindedBeforeTheDueDateAndThePmoAlertedAfterIt() {
    ProcessInstance pi = propose(rita, "Due soon " + unique());
    LocalDate due = LocalDate.now().plusDays(5);
    complete(olga, pi.getId(), accept(owen, due, 10));
    awaitAt(pi, ImprovementProposalProcess.TASK_IMPLEMENT);
    Proposal proposal = proposalOf(pi);
    java.time.Instant dueAt = due.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .activityId(ImprovementProposalProcess.EVENT_REMINDER).singleResult().getDuedate().toInstant())
        .isEqualTo(dueAt.minus(Duration.ofDays(3)));

    ClockUtil.setCurrentTime(Date.from(dueAt.minus(Duration.ofDays(3)).plusSeconds(60)));
    Escalation reminder = awaitEscalations(proposal, 1).get(0);
    assertThat(reminder.kind()).isEqualTo(EscalationKind.REMINDER);
    assertThat(reminder.trigger()).isEqualTo(EscalationTrigger.IMPLEMENTATION_REMINDER);
    assertThat(reminder.waitingFor()).isEqualTo(owen);
    assertThat(reminder.projectId()).isNull();
    assertThat(reminder.rule()).isEqualTo("pmo.improvement.proposals.reminder-before = P3D");

    ClockUtil.setCurrentTime(Date.from(dueAt.plusSeconds(60)));
    Escalation escalation = awaitEscalations(proposal, 2).get(1);
    assertThat(escalation.kind()).isEqualTo(EscalationKind.ESCALATION);
    assertThat(escalation.trigger()).isEqualTo(EscalationTrigger.IMPLEMENTATION_OVERDUE);
    assertThat(escalation.escalatedTo()).isEqualTo(Roles.PMO);
    assertThat(escalation.level()).isEqualTo(1);
    assertThat(escalation.missedDeadline().toInstant()).isEqualTo(dueAt);
    await().atMost(Duration.ofSeconds(30)).until(() -> notices.forRelated(ProposalService.ENTITY, proposal.id())
        .stream().filter(n -> n.subject().startsWith("Escalation: ")).anyMatch(n -> n.status() == NoticeStatus.SENT));
    List<Notice> sent = notices.forRelated(ProposalService.ENTITY, proposal.id());
    assertThat(sent).filteredOn(n -> n.subject().startsWith("Reminder: ")).extracting(Notice::recipient)
        .containsExactly(owen);
    assertThat(sent).filteredOn(n -> n.subject().startsWith("Escalation: ")).extracting(Notice::recipient)
        .contains(olga, oscar).doesNotContain(rita);
    assertThat(actions(proposal.id())).contains("PROPOSAL_IMPLEMENTATION_REMINDED by system",
        "PROPOSAL_IMPLEMENTATION_ESCALATED by system");
    // the implementation is still open and can be done
    assertThat(pi).isWaitingAt(ImprovementProposalProcess.TASK_IMPLEMENT);
  }

  @Test
  void badInputIsRefusedNamingTheFieldWithNothingWritten() {
    String title = "Empty " + unique();
    Map<String, Object> empty = new HashMap<>(Map.of("title", title, "problem", " ", "proposal", "",
        "expectedBenefit", " "));
    Throwable refused = failureOf(() -> start(rita, ImprovementProposalProcess.KEY, empty));
    assertThat(refused).isInstanceOf(InvalidInputException.class);
    assertThat(((InvalidInputException) refused).errors()).extracting(e -> e.field())
        .contains("problem", "proposal", "expectedBenefit", "concerns");
    assertThat(jdbc.sql("select count(*) from improvement_proposal where title = :t").param("t", title)
        .query(Long.class).single()).isZero();

    Map<String, Object> unknown = proposalVariables("Unknown process " + unique());
    unknown.put("concerns", "no-such-process");
    unknown.put("lessonIds", "999999999, x");
    unknown.put("projectId", 999999999L);
    Throwable unknownRefused = failureOf(() -> start(rita, ImprovementProposalProcess.KEY, unknown));
    assertThat(((InvalidInputException) unknownRefused).errors()).extracting(e -> e.field())
        .contains("concerns", "lessonIds", "projectId");

    ProcessInstance pi = propose(rita, "Negative points " + unique());
    Throwable negative = failureOf(() -> complete(olga, pi.getId(), accept(owen, LocalDate.now().plusDays(5), -1)));
    assertThat(negative).isInstanceOf(InvalidInputException.class);
    assertThat(((InvalidInputException) negative).errors()).extracting(e -> e.field()).contains("points");
    Throwable past = failureOf(() -> complete(oscar, pi.getId(), accept(owen, LocalDate.now().minusDays(1), 5)));
    assertThat(((InvalidInputException) past).errors()).extracting(e -> e.field()).containsExactly("implementBy");
    Throwable nobody = failureOf(() -> complete(oscar, pi.getId(), accept(rita, LocalDate.now().plusDays(3), 5)));
    assertThat(((InvalidInputException) nobody).errors()).extracting(e -> e.field()).containsExactly("implementer");
    Proposal proposal = proposalOf(pi);
    assertThat(proposal.status()).isEqualTo(ProposalStatus.SUBMITTED);
    assertThat(jdbc.sql("select count(*) from recognition where proposal_id = :id").param("id", proposal.id())
        .query(Long.class).single()).isZero();
    assertThat(actions(proposal.id())).containsExactly("PROPOSAL_SUBMITTED by " + rita);
    assertThat(register.get(proposal.id(), new Viewer(rita, java.util.Set.of(Roles.REQUESTERS))).id())
        .isEqualTo(proposal.id());
  }

  private List<Escalation> awaitEscalations(Proposal proposal, int count) {
    await().atMost(Duration.ofSeconds(30))
        .until(() -> escalations.of(ProposalService.ENTITY, proposal.id()).size() >= count);
    return escalations.of(ProposalService.ENTITY, proposal.id());
  }

  private void claimAs(String user, Task task) {
    actAs(user);
    try {
      engine.getTaskService().claim(task.getId(), user);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void completeAs(String user, Task task, Map<String, Object> variables) {
    actAs(user);
    try {
      engine.getTaskService().complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
