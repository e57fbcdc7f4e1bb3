package pmo.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pmo.IntegrationTest;
import pmo.audit.AuditEvent;
import pmo.audit.AuditService;
import pmo.platform.InvalidInputException;
import pmo.platform.Roles;
import pmo.project.Baseline;
import pmo.project.ProjectDetails;
import pmo.project.ProjectService;
import pmo.project.Stage;

/** Every path of processes/project-intake.bpmn on the real engine and database, checking the rows written. */
class IntakeProcessTest extends IntegrationTest {

  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  IntakeService intake;
  @Autowired
  ProjectService projects;
  @Autowired
  AuditService audit;

  String requester;
  String screener;
  String sponsor;
  String manager;

  @BeforeEach
  void users() {
    requester = user("rita", Roles.REQUESTERS);
    screener = user("olga", Roles.REQUESTERS, Roles.PMO);
    sponsor = user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    manager = user("paula", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
  }

  @Test
  void approvedProposalIsRegisteredWithBaselineOne() {
    ProcessInstance pi = propose("Customer portal " + unique());
    assertThat(pi).isWaitingAt(IntakeProcess.TASK_SCREEN);
    // the proposal's reference is the instance's business key and the first word of its tasks' names
    String reference = runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
        .getBusinessKey();
    assertThat(reference).matches("PRP-\\d+");
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getName())
        .isEqualTo(reference + " Screen proposal");

    complete(screener, pi, Map.of("screeningDecision", "complete"));
    assertThat(pi).isWaitingAt(IntakeProcess.TASK_SPONSOR_APPROVAL);
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getAssignee())
        .as("the sponsor's approval is the sponsor's task").isEqualTo(sponsor);

    LocalDate start = LocalDate.now().plusDays(14);
    complete(sponsor, pi, approval(start));
    awaitEnded(pi);
    assertThat(pi).hasPassed(IntakeProcess.TASK_REGISTER).isEnded();
    assertThat(pi).hasPassed(IntakeProcess.END_REGISTERED);

    Proposal proposal = proposalOf(pi);
    assertThat(proposal.status()).isEqualTo(ProposalStatus.APPROVED);
    assertThat(proposal.projectId()).isNotNull();
    ProjectDetails project = projects.get(proposal.projectId());
    assertThat(project.project().name()).isEqualTo(proposal.title());
    assertThat(project.project().sponsor()).isEqualTo(sponsor);
    assertThat(project.project().manager()).isEqualTo(manager);
    assertThat(project.project().stage()).isEqualTo(Stage.INITIATION);
    assertThat(project.project().code()).isEqualTo(String.format("PRJ-%05d", proposal.projectId()));
    assertThat(project.baselines()).hasSize(1);
    Baseline v1 = project.baselines().get(0);
    assertThat(v1.version()).isEqualTo(1);
    assertThat(v1.budgetAtCompletion()).isEqualByComparingTo("250000.00");
    assertThat(v1.plannedStart()).isEqualTo(start);
    assertThat(v1.plannedFinish()).isEqualTo(start.plusMonths(9).minusDays(1));

    assertThat(actions("PROJECT_PROPOSAL", proposal.id())).containsExactly(
        "PROPOSAL_SUBMITTED by rita", "PROPOSAL_SCREENED by olga", "PROPOSAL_APPROVED by sam",
        "PROPOSAL_REGISTERED by system");
    assertThat(actions("PROJECT", proposal.projectId())).containsExactly("PROJECT_REGISTERED by system");
    assertThat(audit.forEntity("PROJECT_PROPOSAL", proposal.id()))
        .allSatisfy(e -> assertThat(e.processInstanceId()).isEqualTo(pi.getId()));
    AuditEvent approved = audit.forEntity("PROJECT_PROPOSAL", proposal.id()).get(2);
    assertThat(approved.beforeState()).contains("\"status\":\"SCREENED\"");
    assertThat(approved.afterState()).contains("\"status\":\"APPROVED\"", "\"projectManager\":\"paula\"");
  }

  @Test
  void rejectionAtScreeningShowsTheReasonToTheRequester() {
    ProcessInstance pi = propose("Shiny gadget " + unique());
    complete(screener, pi, Map.of("screeningDecision", "reject", "screeningComment", "No strategic fit"));

    assertThat(pi).isWaitingAt(IntakeProcess.TASK_READ_REJECTION);
    Task notice = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(notice.getAssignee()).isEqualTo(requester);
    assertThat(runtime.getVariable(pi.getId(), "rejectionReason"))
        .isEqualTo("Rejected at PMO screening: No strategic fit");
    complete(requester, pi, Map.of());

    assertThat(pi).isEnded().hasPassed(IntakeProcess.END_REJECTED).hasNotPassed(IntakeProcess.TASK_SPONSOR_APPROVAL);
    Proposal proposal = proposalOf(pi);
    assertThat(proposal.status()).isEqualTo(ProposalStatus.REJECTED);
    assertThat(proposal.decisionReason()).isEqualTo("No strategic fit");
    assertThat(proposal.projectId()).isNull();
    assertThat(actions("PROJECT_PROPOSAL", proposal.id()))
        .containsExactly("PROPOSAL_SUBMITTED by rita", "PROPOSAL_SCREENED by olga");
  }

  @Test
  void rejectionBySponsor() {
    ProcessInstance pi = propose("Gold-plated CRM " + unique());
    complete(screener, pi, Map.of("screeningDecision", "complete"));
    complete(sponsor, pi, Map.of("sponsorDecision", "reject", "sponsorComment", "Budget frozen this year"));

    assertThat(pi).isWaitingAt(IntakeProcess.TASK_READ_REJECTION);
    assertThat(runtime.getVariable(pi.getId(), "rejectionReason"))
        .isEqualTo("Rejected by the sponsor: Budget frozen this year");
    complete(requester, pi, Map.of());
    assertThat(pi).isEnded().hasPassed(IntakeProcess.END_REJECTED).hasNotPassed(IntakeProcess.TASK_REGISTER);

    Proposal proposal = proposalOf(pi);
    assertThat(proposal.status()).isEqualTo(ProposalStatus.REJECTED);
    assertThat(proposal.projectId()).isNull();
    assertThat(actions("PROJECT_PROPOSAL", proposal.id())).containsExactly(
        "PROPOSAL_SUBMITTED by rita", "PROPOSAL_SCREENED by olga", "PROPOSAL_REJECTED by sam");
  }

  @Test
  void sentBackThenRevisedThenApproved() {
    ProcessInstance pi = propose("Warehouse robots " + unique());
    complete(screener, pi, Map.of("screeningDecision", "moreInfo", "screeningComment", "Add the cost of training"));

    assertThat(pi).isWaitingAt(IntakeProcess.TASK_REVISE);
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getAssignee())
        .isEqualTo(requester);
    assertThat(proposalOf(pi).status()).isEqualTo(ProposalStatus.SENT_BACK);

    Map<String, Object> revised = new HashMap<>(proposalVariables(proposalOf(pi).title()));
    revised.put("estimatedBudget", 310000);
    revised.put("businessCase", "Robots, now with the training cost");
    complete(requester, pi, revised);
    assertThat(pi).isWaitingAt(IntakeProcess.TASK_SCREEN);
    assertThat(proposalOf(pi).status()).isEqualTo(ProposalStatus.SUBMITTED);

    complete(screener, pi, Map.of("screeningDecision", "complete"));
    complete(sponsor, pi, approval(LocalDate.now().plusDays(30)));
    awaitEnded(pi);

    Proposal proposal = proposalOf(pi);
    ProjectDetails project = projects.get(proposal.projectId());
    assertThat(project.currentBaseline().budgetAtCompletion()).isEqualByComparingTo("310000");
    assertThat(project.project().description()).isEqualTo("Robots, now with the training cost");
    assertThat(actions("PROJECT_PROPOSAL", proposal.id())).containsExactly(
        "PROPOSAL_SUBMITTED by rita", "PROPOSAL_SCREENED by olga", "PROPOSAL_REVISED by rita",
        "PROPOSAL_SCREENED by olga", "PROPOSAL_APPROVED by sam", "PROPOSAL_REGISTERED by system");
    AuditEvent revision = audit.forEntity("PROJECT_PROPOSAL", proposal.id()).get(2);
    assertThat(revision.beforeState()).contains("\"estimatedBudget\":250000");
    assertThat(revision.afterState()).contains("\"estimatedBudget\":310000");
  }

  @Test
  void requesterCannotScreenOrApproveTheirOwnProposal() {
    String both = user("pia", Roles.REQUESTERS, Roles.PMO, Roles.STEERING_COMMITTEE);
    actAs(both);
    ProcessInstance pi = runtime.startProcessInstanceByKey(IntakeProcess.KEY, proposalVariables("Own " + unique()));
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).as("not offered to the requester")
        .isZero();
    identityService.clearAuthentication();
    Task screening = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    actAs(both);

    assertThat(failureOf(() -> tasks.claim(screening.getId(), both)))
        .isInstanceOf(AuthorizationException.class);
    assertThat(failureOf(() -> tasks.complete(screening.getId(), Map.of("screeningDecision", "complete"))))
        .isInstanceOf(AuthorizationException.class);

    identityService.clearAuthentication();
    assertThat(pi).isWaitingAt(IntakeProcess.TASK_SCREEN);
    assertThat(tasks.createTaskQuery().taskId(screening.getId()).singleResult().getAssignee()).isNull();
    assertThat(proposalOf(pi).status()).isEqualTo(ProposalStatus.SUBMITTED);

    complete(screener, pi, Map.of("screeningDecision", "complete"));
    Task approval = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    actAs(both);
    assertThat(failureOf(() -> tasks.complete(approval.getId(), approval(LocalDate.now().plusDays(3)))))
        .isInstanceOf(AuthorizationException.class);
    identityService.clearAuthentication();
    assertThat(proposalOf(pi).status()).isEqualTo(ProposalStatus.SCREENED);
  }

  @Test
  void invalidStartIsRejectedByFieldAndWritesNothing() {
    String title = "Invalid " + unique();
    Map<String, Object> vars = new HashMap<>(proposalVariables(title));
    vars.remove("businessCase");
    vars.put("estimatedMonths", 0);
    vars.put("sponsor", "nobody-" + unique());
    actAs(requester);

    assertThat(failureOf(() -> runtime.startProcessInstanceByKey(IntakeProcess.KEY, vars)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("businessCase: is required; estimatedMonths: must be at least 1");

    vars.put("businessCase", "A case");
    vars.put("estimatedMonths", 6);
    assertThat(failureOf(() -> runtime.startProcessInstanceByKey(IntakeProcess.KEY, vars)))
        .hasMessageContaining("sponsor: unknown user 'nobody-");

    assertThat(jdbc.sql("select count(*) from project_proposal where title = :t").param("t", title)
        .query(Long.class).single()).isZero();
    identityService.clearAuthentication();
    assertThat(runtime.createProcessInstanceQuery().variableValueEquals("title", title).count()).isZero();
  }

  @Test
  void decisionsWithoutTheirRequiredDetailsAreRejected() {
    ProcessInstance pi = propose("Needs reasons " + unique());
    Task screening = claim(screener, pi);
    assertThat(failureOf(() -> tasks.complete(screening.getId(), Map.of("screeningDecision", "reject"))))
        .hasMessage("screeningComment: is required when the proposal is sent back or rejected");
    assertThat(failureOf(() -> tasks.complete(screening.getId(), Map.of("screeningDecision", "maybe"))))
        .hasMessageContaining("screeningDecision: must be one of complete, moreInfo, reject, not 'maybe'");
    assertThat(proposalOf(pi).status()).isEqualTo(ProposalStatus.SUBMITTED);
    tasks.complete(screening.getId(), Map.of("screeningDecision", "complete"));

    Task approval = claim(sponsor, pi);
    Map<String, Object> badManager = new HashMap<>(approval(LocalDate.now().plusDays(5)));
    badManager.put("projectManager", requester);
    assertThat(failureOf(() -> tasks.complete(approval.getId(), badManager)))
        .hasMessage("projectManager: user 'rita' is not in group project-managers");
    Map<String, Object> past = new HashMap<>(approval(LocalDate.now().minusDays(1)));
    assertThat(failureOf(() -> tasks.complete(approval.getId(), past)))
        .hasMessage("plannedStart: must not be in the past");
    identityService.clearAuthentication();
    assertThat(pi).isWaitingAt(IntakeProcess.TASK_SPONSOR_APPROVAL);
    assertThat(proposalOf(pi).status()).isEqualTo(ProposalStatus.SCREENED);
  }

  @Test
  void failingRegistrationLeavesNoProjectAndBecomesARetriedJob() {
    String leaving = user("leaving-" + unique(), Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    Map<String, Object> vars = new HashMap<>(proposalVariables("Doomed " + unique()));
    vars.put("sponsor", leaving);
    actAs(requester);
    ProcessInstance pi = runtime.startProcessInstanceByKey(IntakeProcess.KEY, vars);
    complete(screener, pi, Map.of("screeningDecision", "complete"));
    // the sponsor leaves the company; another steering committee member approves, so registration fails validation
    identityService.deleteUser(leaving);
    complete(sponsor, pi, approval(LocalDate.now().plusDays(10)));

    Job job = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
    await().atMost(Duration.ofSeconds(20)).until(() ->
        management.createJobQuery().jobId(job.getId()).singleResult().getRetries() < 3);
    Job failed = management.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(failed.getExceptionMessage()).contains("sponsor: unknown user '" + leaving + "'");
    assertThat(pi).isNotEnded();
    assertThat(runtime.createExecutionQuery().processInstanceId(pi.getId()).activityId(IntakeProcess.TASK_REGISTER)
        .count()).isEqualTo(1);
    Proposal proposal = proposalOf(pi);
    assertThat(proposal.status()).isEqualTo(ProposalStatus.APPROVED);
    assertThat(proposal.projectId()).isNull();
    assertThat(jdbc.sql("select count(*) from project where name = :n").param("n", proposal.title())
        .query(Long.class).single()).isZero();
    assertThat(actions("PROJECT_PROPOSAL", proposal.id())).doesNotContain("PROPOSAL_REGISTERED by system");

    // last retry used up: an incident for the operator, still nothing half-written
    management.setJobRetries(job.getId(), 1);
    assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("sponsor: unknown user");
    assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);

    // once the sponsor is back, a retry registers the project
    user(leaving, Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    management.setJobRetries(job.getId(), 1);
    management.executeJob(job.getId());
    assertThat(pi).isEnded();
    assertThat(proposalOf(pi).projectId()).isNotNull();
  }

  // --- helpers

  private ProcessInstance propose(String title) {
    actAs(requester);
    try {
      return runtime.startProcessInstanceByKey(IntakeProcess.KEY, proposalVariables(title));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private Map<String, Object> proposalVariables(String title) {
    return Proposals.startVariables(title, sponsor);
  }

  private Map<String, Object> approval(LocalDate start) {
    return Map.of("sponsorDecision", "approve", "projectManager", manager, "plannedStart", start.toString(),
        "sponsorComment", "Go ahead");
  }

  private Task claim(String userId, ProcessInstance pi) {
    actAs(userId);
    Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(task).as("task visible to " + userId).isNotNull();
    if (task.getAssignee() == null) {
      tasks.claim(task.getId(), userId);
    }
    return task;
  }

  private void complete(String userId, ProcessInstance pi, Map<String, Object> variables) {
    Task task = claim(userId, pi);
    try {
      tasks.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void awaitEnded(ProcessInstance pi) {
    await().atMost(Duration.ofSeconds(20))
        .until(() -> runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0);
  }

  private Proposal proposalOf(ProcessInstance pi) {
    long id = jdbc.sql("select id from project_proposal where process_instance_id = :pi").param("pi", pi.getId())
        .query(Long.class).single();
    return intake.get(id);
  }

  private List<String> actions(String entityType, long id) {
    return audit.forEntity(entityType, id).stream().map(e -> e.action() + " by " + e.actor()).toList();
  }
}
