package pmo.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import pmo.escalation.Escalation;
import pmo.escalation.EscalationKind;
import pmo.escalation.EscalationService;
import pmo.escalation.EscalationTrigger;
import pmo.platform.InvalidInputException;
import pmo.platform.Viewer;
import pmo.platform.engine.Tasklist;

/**
 * Every path of processes/issue-escalation.bpmn on the real engine and database: triage and resolution within the
 * SLA, the change-request hook (the ChangeNeeded event), the SLA breached in triage and in resolution (timers), the
 * PMO resolving, reassigning and escalating, the PMO's deadline passing (timer), the steering committee reassigning
 * and closing, the four-eyes rule and bad input; with the rows, escalation records and audit events.
 */
@RecordApplicationEvents
class IssueProcessTest extends CaseProcessTest {

  @Autowired
  IssueLog log;
  @Autowired
  IssueSettings settings;
  @Autowired
  ApplicationEvents events;

  long projectId;

  @BeforeEach
  void project() {
    projectId = newProject();
  }

  @Test
  void triagedAndResolvedWithinTheSla() {
    ProcessInstance pi = raise("Server outage " + unique(), "high");
    Issue raised = issueOf(pi);
    assertThat(pi).isWaitingAt(IssueProcess.TASK_TRIAGE);
    Task triage = task(pi.getId());
    assertThat(triage.getAssignee()).isEqualTo(manager);
    assertThat(candidateGroups(triage)).containsExactly("project-managers");
    assertThat(triage.getCamundaFormRef().getKey()).isEqualTo("issue-escalation-triage");
    assertThat(runtime.getVariable(pi.getId(), Tasklist.SUBJECT.name()))
        .isEqualTo("Issue I-" + raised.id() + ": " + raised.title());
    assertThat(raised.status()).isEqualTo(IssueStatus.OPEN);
    assertThat(raised.severity()).isEqualTo(IssueSeverity.HIGH);
    assertThat(raised.dueAt()).isEqualTo(raised.createdAt().plus(settings.sla().high()));
    assertThat(triage.getDueDate().toInstant()).isEqualTo(raised.dueAt().toInstant());

    // triage lowers the severity: the SLA of MEDIUM counts from when the issue was raised
    complete(manager, pi.getId(), triage("medium", otherOwner, false, null));
    assertThat(pi).isWaitingAt(IssueProcess.TASK_RESOLVE).hasNotPassed(IssueProcess.TASK_REQUEST_CHANGE);
    Issue triaged = issueOf(pi);
    assertThat(triaged.status()).isEqualTo(IssueStatus.TRIAGED);
    assertThat(triaged.severity()).isEqualTo(IssueSeverity.MEDIUM);
    assertThat(triaged.owner()).isEqualTo(otherOwner);
    assertThat(triaged.triagedBy()).isEqualTo(manager);
    assertThat(triaged.dueAt()).isEqualTo(raised.createdAt().plus(settings.sla().medium()));
    Task resolve = task(pi.getId());
    assertThat(resolve.getAssignee()).isEqualTo(otherOwner);
    assertThat(resolve.getDueDate().toInstant()).isEqualTo(triaged.dueAt().toInstant());
    assertThat(timer(pi.getId(), IssueProcess.EVENT_SLA_BREACHED).getDuedate().toInstant())
        .isEqualTo(triaged.dueAt().toInstant());

    complete(otherOwner, pi.getId(), Map.of("resolution", "Failed disk replaced"));
    assertThat(pi).isEnded().hasPassed(IssueProcess.END_RESOLVED).hasNotPassed(IssueProcess.TASK_ESCALATE_TO_PMO);
    Issue resolved = issueOf(pi);
    assertThat(resolved.status()).isEqualTo(IssueStatus.RESOLVED);
    assertThat(resolved.resolution()).isEqualTo("Failed disk replaced");
    assertThat(resolved.resolvedBy()).isEqualTo(otherOwner);
    assertThat(resolved.escalationLevel()).isZero();
    assertThat(log.details(resolved.id(), Viewer.SYSTEM).escalations()).isEmpty();
    assertThat(events.stream(ChangeNeeded.class)).isEmpty();
    assertThat(actions(IssueService.ENTITY, resolved.id())).containsExactly("ISSUE_RAISED by rita",
        "ISSUE_TRIAGED by paula", "ISSUE_RESOLVED by ola");
  }

  @Test
  void anIssueThatNeedsAChangeAsksForAChangeRequest() {
    ProcessInstance pi = raise("Interface spec wrong " + unique(), "high");
    Task triage = task(pi.getId());
    actAs(manager);
    assertThat(failureOf(() -> tasks.complete(triage.getId(), triage("high", owner, true, " "))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("changeDescription: is required when a change is needed");
    identityService.clearAuthentication();
    assertThat(events.stream(ChangeNeeded.class)).isEmpty();
    assertThat(issueOf(pi).status()).isEqualTo(IssueStatus.OPEN);

    complete(manager, pi.getId(), triage("high", owner, true, "Rework the interface: +3 weeks, +40k"));
    assertThat(pi).hasPassed(IssueProcess.TASK_REQUEST_CHANGE).isWaitingAt(IssueProcess.TASK_RESOLVE);
    Issue issue = issueOf(pi);
    assertThat(events.stream(ChangeNeeded.class)).containsExactly(new ChangeNeeded(projectId, issue.id(),
        issue.title(), "Rework the interface: +3 weeks, +40k", manager));
    assertThat(issue.changeDescription()).isEqualTo("Rework the interface: +3 weeks, +40k");
    assertThat(issue.changeRequestedAt()).isNotNull();
    assertThat(actions(IssueService.ENTITY, issue.id())).containsExactly("ISSUE_RAISED by rita",
        "ISSUE_TRIAGED by paula", "ISSUE_CHANGE_REQUESTED by paula");
    assertThat(audit.forEntity(IssueService.ENTITY, issue.id()).get(2).afterState())
        .contains("\"changeRequestedAt\":");
  }

  @Test
  void theSlaBreachedWhileResolvingEscalatesToThePmoWhichResolvesIt() {
    ProcessInstance pi = raise("Payroll run failed " + unique(), "critical");
    complete(manager, pi.getId(), triage("critical", owner, false, null));
    Issue triaged = issueOf(pi);
    var deadline = timer(pi.getId(), IssueProcess.EVENT_SLA_BREACHED).getDuedate();
    assertThat(deadline.toInstant()).isEqualTo(triaged.createdAt().plus(settings.sla().critical()).toInstant());

    passTime(deadline);
    Task review = awaitTask(pi.getId(), IssueProcess.TASK_PMO_REVIEW);
    assertThat(pi).hasPassed(IssueProcess.EVENT_SLA_BREACHED, IssueProcess.TASK_ESCALATE_TO_PMO);
    assertThat(candidateGroups(review)).containsExactly("pmo");
    Issue escalated = issueOf(pi);
    assertThat(escalated.status()).isEqualTo(IssueStatus.ESCALATED);
    assertThat(escalated.escalationLevel()).isEqualTo(1);
    Escalation step = single(escalated);
    assertThat(step.entityType()).isEqualTo("ISSUE");
    assertThat(step.projectId()).isEqualTo(projectId);
    assertThat(step.level()).isEqualTo(1);
    assertThat(step.escalatedTo()).isEqualTo("pmo");
    assertThat(step.escalatedToType()).isEqualTo("GROUP");
    assertThat(step.rule()).isEqualTo("pmo.issue.sla.critical = PT8H");
    assertThat(step.missedDeadline()).isEqualTo(triaged.dueAt());
    assertThat(step.reason()).isEqualTo("not resolved within the SLA of a CRITICAL issue (PT8H), due "
        + triaged.dueAt());
    assertThat(step.escalatedBy()).isEqualTo("system");
    assertThat(step.respondBy()).isEqualTo(step.escalatedAt().plus(settings.escalation().pmoReview()));
    assertThat(review.getDueDate().toInstant()).isEqualTo(step.respondBy().toInstant());
    assertThat(runtime.getVariable(pi.getId(), IssueProcess.ESCALATION_REASON.name())).isEqualTo(step.reason());
    assertThat(actions(EscalationService.ENTITY, step.id())).containsExactly("ESCALATION_RECORDED by system");
    assertThat(step.kind()).isEqualTo(EscalationKind.ESCALATION);
    assertThat(step.trigger()).isEqualTo(EscalationTrigger.SLA_BREACHED);
    assertThat(step.waitingFor()).isEqualTo(owner);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey())
        .as("the instance is named by its issue").isEqualTo(escalated.code());
    // the PMO's members are told; whoever raised or owns the issue (and may not act on it) is not
    assertThat(recipients(IssueService.ENTITY, escalated.id(), "Escalation: Issue " + escalated.code()
        + " (CRITICAL): " + escalated.title())).contains(pmo, otherPmo).doesNotContain(requester, owner)
        .hasSameSizeAs(noticesOf(IssueService.ENTITY, escalated.id()));

    Task pmoTask = task(pi.getId());
    actAs(pmo);
    tasks.claim(pmoTask.getId(), pmo);
    assertThat(failureOf(() -> tasks.complete(pmoTask.getId(), Map.of("pmoDecision", "resolved", "owner", owner,
        "pmoComment", "Done")))).isInstanceOf(InvalidInputException.class).hasMessage("resolution: is required");
    identityService.clearAuthentication();
    complete(pmo, pi.getId(), Map.of("pmoDecision", "resolved", "resolution", "Rerun by the vendor", "owner", owner,
        "pmoComment", "Vendor called in"));
    assertThat(pi).isEnded().hasPassed(IssueProcess.END_RESOLVED_BY_PMO);
    Issue resolved = issueOf(pi);
    assertThat(resolved.status()).isEqualTo(IssueStatus.RESOLVED);
    assertThat(resolved.resolution()).isEqualTo("Rerun by the vendor");
    assertThat(resolved.resolvedBy()).isEqualTo(pmo);
    assertThat(actions(IssueService.ENTITY, resolved.id())).containsExactly("ISSUE_RAISED by rita",
        "ISSUE_TRIAGED by paula", "ISSUE_ESCALATED by system", "ISSUE_RESOLVED by olga");
  }

  @Test
  void theSlaBreachedBeforeTriageEscalatesAndThePmoReassignsIt() {
    ProcessInstance pi = raise("Nobody looks at it " + unique(), "high");
    Issue raised = issueOf(pi);
    passTime(timer(pi.getId(), IssueProcess.EVENT_SLA_BREACHED_IN_TRIAGE).getDuedate());
    awaitTask(pi.getId(), IssueProcess.TASK_PMO_REVIEW);
    assertThat(pi).hasPassed(IssueProcess.EVENT_SLA_BREACHED_IN_TRIAGE).hasNotPassed(IssueProcess.TASK_RESOLVE);
    assertThat(single(issueOf(pi)).rule()).isEqualTo("pmo.issue.sla.high = P3D");
    assertThat(single(issueOf(pi)).missedDeadline()).isEqualTo(raised.dueAt());

    Task review = task(pi.getId());
    actAs(pmo);
    tasks.claim(review.getId(), pmo);
    Map<String, Object> noDate = Map.of("pmoDecision", "reassign", "owner", otherOwner, "pmoComment", "Ola knows it");
    assertThat(failureOf(() -> tasks.complete(review.getId(), noDate)))
        .hasMessage("dueDate: is required when reassigning");
    Map<String, Object> past = new HashMap<>(noDate);
    past.put("dueDate", today().minusDays(1).toString());
    assertThat(failureOf(() -> tasks.complete(review.getId(), past))).hasMessage("dueDate: must not be in the past");
    Map<String, Object> ghost = new HashMap<>(past);
    ghost.put("dueDate", today().plusDays(2).toString());
    ghost.put("owner", "ghost-" + unique());
    assertThat(failureOf(() -> tasks.complete(review.getId(), ghost))).hasMessageStartingWith("owner: unknown user");
    identityService.clearAuthentication();
    assertThat(issueOf(pi).status()).isEqualTo(IssueStatus.ESCALATED);

    LocalDate newDue = today().plusDays(2);
    Map<String, Object> reassign = new HashMap<>(noDate);
    reassign.put("dueDate", newDue.toString());
    complete(pmo, pi.getId(), reassign);
    assertThat(pi).isWaitingAt(IssueProcess.TASK_RESOLVE);
    Issue reassigned = issueOf(pi);
    assertThat(reassigned.status()).isEqualTo(IssueStatus.TRIAGED);
    assertThat(reassigned.owner()).isEqualTo(otherOwner);
    assertThat(reassigned.dueAt().toInstant()).isEqualTo(newDue.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    assertThat(reassigned.escalationLevel()).isEqualTo(1);
    assertThat(task(pi.getId()).getAssignee()).isEqualTo(otherOwner);
    assertThat(timer(pi.getId(), IssueProcess.EVENT_SLA_BREACHED).getDuedate().toInstant())
        .isEqualTo(reassigned.dueAt().toInstant());

    complete(otherOwner, pi.getId(), Map.of("resolution", "Config fixed"));
    assertThat(pi).isEnded().hasPassed(IssueProcess.END_RESOLVED);
    assertThat(actions(IssueService.ENTITY, reassigned.id())).containsExactly("ISSUE_RAISED by rita",
        "ISSUE_ESCALATED by system", "ISSUE_REASSIGNED by olga", "ISSUE_RESOLVED by ola");
  }

  @Test
  void thePmoMissingItsDeadlineEscalatesToTheSteeringCommitteeWhichReassigns() {
    ProcessInstance pi = atPmoReview("low");
    Escalation toPmo = single(issueOf(pi));
    int toldAboutToPmo = noticesOf(IssueService.ENTITY, toPmo.entityId()).size();
    var pmoDeadline = timer(pi.getId(), IssueProcess.EVENT_PMO_DEADLINE_PASSED).getDuedate();
    assertThat(pmoDeadline.toInstant()).isEqualTo(toPmo.respondBy().toInstant());

    passTime(pmoDeadline);
    Task decision = awaitTask(pi.getId(), IssueProcess.TASK_STEERING_DECISION);
    assertThat(pi).hasPassed(IssueProcess.TASK_ESCALATE_PMO_OVERDUE).hasNotPassed(IssueProcess.TASK_ESCALATE_BY_PMO);
    assertThat(candidateGroups(decision)).containsExactly("steering-committee");
    Issue issue = issueOf(pi);
    assertThat(issue.escalationLevel()).isEqualTo(2);
    List<Escalation> steps = escalations.of(IssueService.ENTITY, issue.id());
    assertThat(steps).hasSize(2);
    Escalation toSteering = steps.get(1);
    assertThat(toSteering.level()).isEqualTo(2);
    assertThat(toSteering.trigger()).isEqualTo(EscalationTrigger.PMO_DEADLINE_PASSED);
    assertThat(toSteering.waitingFor()).isEqualTo("pmo");
    assertThat(toSteering.escalatedTo()).isEqualTo("steering-committee");
    assertThat(toSteering.rule()).isEqualTo("pmo.issue.escalation.pmo-review = P2D");
    List<String> toldAboutToSteering = noticesOf(IssueService.ENTITY, issue.id());
    assertThat(toldAboutToSteering.subList(toldAboutToPmo, toldAboutToSteering.size()))
        .contains(steering + ": Escalation: Issue " + issue.code() + " (LOW): " + issue.title())
        .noneMatch(notice -> notice.startsWith(pmo + ":"));
    assertThat(toSteering.missedDeadline()).isEqualTo(toPmo.respondBy());
    assertThat(toSteering.reason()).isEqualTo("the PMO did not act on the escalated issue by " + toPmo.respondBy());
    assertThat(toSteering.escalatedBy()).isEqualTo("system");
    assertThat(toSteering.respondBy()).isEqualTo(toSteering.escalatedAt()
        .plus(settings.escalation().steeringDecision()));
    assertThat(decision.getDueDate().toInstant()).isEqualTo(toSteering.respondBy().toInstant());

    complete(steering, pi.getId(), Map.of("steeringDecision", "reassign", "owner", otherOwner,
        "dueDate", today().plusDays(5).toString(), "steeringComment", "Ola takes it, five days"));
    assertThat(pi).isWaitingAt(IssueProcess.TASK_RESOLVE);
    assertThat(task(pi.getId()).getAssignee()).isEqualTo(otherOwner);
    assertThat(issueOf(pi).status()).isEqualTo(IssueStatus.TRIAGED);
    assertThat(issueOf(pi).escalationLevel()).isEqualTo(2);
    complete(otherOwner, pi.getId(), Map.of("resolution", "Done"));
    assertThat(pi).isEnded().hasPassed(IssueProcess.END_RESOLVED);
  }

  @Test
  void thePmoEscalatesToTheSteeringCommitteeWhichClosesTheIssue() {
    ProcessInstance pi = atPmoReview("medium");
    complete(pmo, pi.getId(), Map.of("pmoDecision", "escalate", "owner", owner, "pmoComment", "Needs a budget call"));
    assertThat(pi).hasPassed(IssueProcess.TASK_ESCALATE_BY_PMO).isWaitingAt(IssueProcess.TASK_STEERING_DECISION);
    Escalation toSteering = escalations.of(IssueService.ENTITY, issueOf(pi).id()).get(1);
    assertThat(toSteering.rule()).isEqualTo("PMO decision (Task_PmoReview)");
    assertThat(toSteering.trigger()).isEqualTo(EscalationTrigger.PMO_ESCALATED);
    assertThat(toSteering.reason()).isEqualTo("escalated by the PMO: Needs a budget call");
    assertThat(toSteering.missedDeadline()).isNull();
    assertThat(toSteering.waitingFor()).isNull();
    assertThat(toSteering.escalatedBy()).isEqualTo(pmo);

    complete(steering, pi.getId(), Map.of("steeringDecision", "close", "owner", owner,
        "steeringComment", "We live with it until the release"));
    assertThat(pi).isEnded().hasPassed(IssueProcess.END_CLOSED);
    Issue closed = issueOf(pi);
    assertThat(closed.status()).isEqualTo(IssueStatus.CLOSED);
    assertThat(closed.resolution()).isEqualTo("Closed by the steering committee: We live with it until the release");
    assertThat(closed.resolvedBy()).isEqualTo(steering);
    assertThat(actions(IssueService.ENTITY, closed.id())).endsWith("ISSUE_ESCALATED by system",
        "ISSUE_ESCALATED by olga", "ISSUE_CLOSED by sam");
  }

  @Test
  void whoRaisedOrOwnsTheIssueCannotActOnItsEscalation() {
    String pmoOwner = user("pia", "requesters", "pmo");
    ProcessInstance pi = raiseAs(pmo, "Own issue " + unique(), "low", pmoOwner);
    complete(manager, pi.getId(), triage("low", pmoOwner, false, null));
    passTime(timer(pi.getId(), IssueProcess.EVENT_SLA_BREACHED).getDuedate());
    Task review = awaitTask(pi.getId(), IssueProcess.TASK_PMO_REVIEW);
    for (String conflicted : List.of(pmo, pmoOwner)) {
      actAs(conflicted);
      assertThat(failureOf(() -> tasks.claim(review.getId(), conflicted)))
          .isInstanceOf(AuthorizationException.class);
      identityService.clearAuthentication();
    }
    complete(otherPmo, pi.getId(), Map.of("pmoDecision", "resolved", "resolution", "Fixed", "owner", pmoOwner,
        "pmoComment", "ok"));
    assertThat(pi).isEnded();
  }

  @Test
  void badInputAtRaisingIsRejectedByFieldAndWritesNothing() {
    String title = "Invalid issue " + unique();
    Map<String, Object> vars = variables(title, "urgent", owner);
    vars.remove("title");
    actAs(requester);
    assertThat(failureOf(() -> runtime.startProcessInstanceByKey(IssueProcess.KEY, vars)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("title: is required; severity: must be one of low, medium, high, critical, not 'urgent'");

    Map<String, Object> unknown = variables(title, "low", "ghost-" + unique());
    unknown.put("projectId", 987654321L);
    assertThat(failureOf(() -> runtime.startProcessInstanceByKey(IssueProcess.KEY, unknown)))
        .hasMessageContaining("projectId: unknown project 987654321")
        .hasMessageContaining("owner: unknown user 'ghost-");
    identityService.clearAuthentication();

    projects.cancel(projectId, "Stopped");
    actAs(requester);
    assertThat(failureOf(() -> runtime.startProcessInstanceByKey(IssueProcess.KEY, variables(title, "low", owner))))
        .hasMessage("projectId: project " + projects.find(projectId).code() + " is CANCELLED: only running projects "
            + "take new risks and issues");
    identityService.clearAuthentication();
    assertThat(jdbc.sql("select count(*) from issue where title = :t").param("t", title).query(Long.class).single())
        .isZero();
  }

  // --- helpers

  private Map<String, Object> variables(String title, String severity, String issueOwner) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("projectId", projectId);
    vars.put("title", title);
    vars.put("description", "Seen at 09:12 by the service desk");
    vars.put("severity", severity);
    vars.put("owner", issueOwner);
    return vars;
  }

  private ProcessInstance raise(String title, String severity) {
    return raiseAs(requester, title, severity, owner);
  }

  private ProcessInstance raiseAs(String raiser, String title, String severity, String issueOwner) {
    actAs(raiser);
    try {
      return runtime.startProcessInstanceByKey(IssueProcess.KEY, variables(title, severity, issueOwner));
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** An issue triaged and not resolved within its SLA: with the PMO. */
  private ProcessInstance atPmoReview(String severity) {
    ProcessInstance pi = raise("Escalated " + unique(), severity);
    complete(manager, pi.getId(), triage(severity, owner, false, null));
    passTime(timer(pi.getId(), IssueProcess.EVENT_SLA_BREACHED).getDuedate());
    awaitTask(pi.getId(), IssueProcess.TASK_PMO_REVIEW);
    return pi;
  }

  private static Map<String, Object> triage(String severity, String issueOwner, boolean needsChange,
      String changeDescription) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("severity", severity);
    vars.put("owner", issueOwner);
    vars.put("needsChange", needsChange);
    if (changeDescription != null) {
      vars.put("changeDescription", changeDescription);
    }
    return vars;
  }

  private Issue issueOf(ProcessInstance pi) {
    return log.get(jdbc.sql("select id from issue where process_instance_id = :pi").param("pi", pi.getId())
        .query(Long.class).single());
  }

  private Escalation single(Issue issue) {
    List<Escalation> steps = escalations.of(IssueService.ENTITY, issue.id());
    assertThat(steps).hasSize(1);
    return steps.get(0);
  }

  private List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> "candidate".equals(l.getType()))
        .map(IdentityLink::getGroupId).toList();
  }
}
