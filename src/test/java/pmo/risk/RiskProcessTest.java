package pmo.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
import pmo.escalation.Escalation;
import pmo.escalation.EscalationKind;
import pmo.escalation.EscalationTrigger;
import pmo.issue.CaseProcessTest;
import pmo.issue.Issue;
import pmo.issue.IssueLog;
import pmo.issue.IssueProcess;
import pmo.issue.IssueSeverity;
import pmo.issue.IssueStatus;
import pmo.platform.InvalidInputException;
import pmo.platform.Viewer;
import pmo.platform.engine.Tasklist;

/**
 * Every path of processes/risk-escalation.bpmn on the real engine and database: the project manager's assessment,
 * the response and the residual report on its due date (timer), closing within tolerance, escalation to the PMO by
 * level and by a missed report deadline (timer), to the steering committee by a missed review deadline (timer), by a
 * critical missed report and by the PMO, every decision of the PMO and the steering committee, the risk that becomes an
 * issue, the four-eyes rule and bad input. Each checks the rows, the history, the escalation records and the audit.
 */
class RiskProcessTest extends CaseProcessTest {

  @Autowired
  RiskRegister register;
  @Autowired
  IssueLog issues;
  @Autowired
  RiskSettings settings;

  long projectId;

  @BeforeEach
  void project() {
    projectId = newProject();
  }

  @Test
  void assessedByTheManagerPlannedAndClosedWhenTheResidualRiskIsLow() {
    ProcessInstance pi = raise("Vendor insolvency " + unique(), Map.of());
    Risk raised = riskOf(pi);
    assertThat(pi).isWaitingAt(RiskProcess.TASK_ASSESS);
    Task assess = task(pi.getId());
    assertThat(assess.getAssignee()).isEqualTo(manager);
    assertThat(candidateGroups(assess)).containsExactly("project-managers");
    assertThat(assess.getCamundaFormRef().getKey()).isEqualTo("risk-escalation-assess");
    assertThat(runtime.getVariable(pi.getId(), Tasklist.SUBJECT.name()))
        .isEqualTo("Risk R-" + raised.id() + ": " + raised.title());
    assertThat(raised.status()).isEqualTo(RiskStatus.RAISED);
    assertThat(raised.probability()).isNull();
    assertThat(raised.raisedBy()).isEqualTo(requester);

    complete(manager, pi.getId(), Map.of("probability", 2, "impact", 4, "monetaryImpact", 100000,
        "assessmentComment", "Two suppliers left"));
    assertThat(pi).hasPassed(RiskProcess.TASK_DETERMINE_LEVEL).isWaitingAt(RiskProcess.TASK_PLAN_RESPONSE);
    Risk assessed = riskOf(pi);
    assertThat(assessed.status()).isEqualTo(RiskStatus.ASSESSED);
    assertThat(assessed.score()).isEqualTo(8);
    assertThat(assessed.level()).isEqualTo(RiskLevel.MEDIUM);
    assertThat(assessed.monetaryImpact()).isEqualByComparingTo("100000");
    assertThat(assessed.exposure()).isEqualByComparingTo("30000.00"); // probability 2 = 0.3
    assertThat(task(pi.getId()).getAssignee()).isEqualTo(owner);

    LocalDate due = today().plusDays(10);
    complete(owner, pi.getId(), plan("mitigate", due));
    assertThat(pi).isWaitingAt(RiskProcess.EVENT_RESPONSE_DUE);
    assertThat(riskOf(pi).status()).isEqualTo(RiskStatus.MONITORING);
    assertThat(riskOf(pi).responseStrategy()).isEqualTo(ResponseStrategy.MITIGATE);
    var responseDue = timer(pi.getId(), RiskProcess.EVENT_RESPONSE_DUE).getDuedate();
    assertThat(responseDue.toInstant()).isEqualTo(due.atStartOfDay().toInstant(ZoneOffset.UTC));

    // the due date comes: the owner is asked for the residual assessment, by the end of the grace period
    passTime(responseDue);
    Task report = awaitTask(pi.getId(), RiskProcess.TASK_REPORT_RESIDUAL);
    assertThat(report.getAssignee()).isEqualTo(owner);
    assertThat(report.getDueDate().toInstant())
        .isEqualTo(responseDue.toInstant().plus(settings.residualReportGrace()));

    complete(owner, pi.getId(), residual(1, 3));
    assertThat(pi).isEnded().hasPassed(RiskProcess.END_CLOSED).hasNotPassed(RiskProcess.TASK_ESCALATE_TO_PMO);
    Risk closed = riskOf(pi);
    assertThat(closed.status()).isEqualTo(RiskStatus.CLOSED);
    assertThat(closed.level()).isEqualTo(RiskLevel.LOW);
    assertThat(closed.score()).isEqualTo(3);
    assertThat(closed.residualProbability()).isEqualTo(1);
    assertThat(closed.residualImpact()).isEqualTo(3);
    assertThat(closed.exposure()).isEqualByComparingTo("10000.00");
    assertThat(closed.closureReason()).isEqualTo("Residual risk LOW is within tolerance "
        + "(risk-escalation-level/RESIDUAL_TOLERABLE)");
    assertThat(closed.escalationLevel()).isZero();

    RiskDetails details = register.details(closed.id(), Viewer.SYSTEM);
    assertThat(details.history())
        .extracting(a -> a.kind() + " " + a.score() + " " + a.level() + " by " + a.assessedBy())
        .containsExactly("INITIAL 8 MEDIUM by paula", "RESIDUAL 3 LOW by otto");
    assertThat(details.history().get(0).comment()).isEqualTo("Two suppliers left");
    assertThat(details.escalations()).isEmpty();
    assertThat(actions(RiskService.ENTITY, closed.id())).containsExactly("RISK_RAISED by rita",
        "RISK_ASSESSED by paula", "RISK_RESPONSE_PLANNED by otto", "RISK_RESIDUAL_REPORTED by otto",
        "RISK_CLOSED by otto");
    assertThat(audit.forEntity(RiskService.ENTITY, closed.id()))
        .allSatisfy(e -> assertThat(e.processInstanceId()).isEqualTo(pi.getId()));
  }

  @Test
  void stillHighAfterTheResponseEscalatesToThePmoWhichAcceptsIt() {
    ProcessInstance pi = raiseAssessed(4, 4, today());
    assertThat(pi).hasNotPassed(RiskProcess.TASK_ASSESS).isWaitingAt(RiskProcess.TASK_PLAN_RESPONSE);
    assertThat(riskOf(pi).level()).isEqualTo(RiskLevel.CRITICAL);
    complete(owner, pi.getId(), plan("transfer", today()));
    awaitTask(pi.getId(), RiskProcess.TASK_REPORT_RESIDUAL); // due today: the timer is due at once

    OffsetDateTime reported = OffsetDateTime.ofInstant(now(), ZoneOffset.UTC);
    complete(owner, pi.getId(), residual(3, 4));
    assertThat(pi).hasPassed(RiskProcess.TASK_DECIDE_ESCALATION).isWaitingAt(RiskProcess.TASK_PMO_REVIEW);
    Risk escalated = riskOf(pi);
    assertThat(escalated.status()).isEqualTo(RiskStatus.ESCALATED);
    assertThat(escalated.level()).isEqualTo(RiskLevel.HIGH);
    assertThat(escalated.escalationLevel()).isEqualTo(1);
    Escalation step = single(escalated);
    assertThat(step.level()).isEqualTo(1);
    assertThat(step.escalatedTo()).isEqualTo("pmo");
    assertThat(step.escalatedToType()).isEqualTo("GROUP");
    assertThat(step.rule()).isEqualTo("risk-escalation-level/RESIDUAL_STILL_HIGH");
    assertThat(step.missedDeadline()).isNull();
    assertThat(step.reason()).isEqualTo("still HIGH after the response (score 12)");
    assertThat(step.escalatedBy()).isEqualTo(owner);
    assertThat(Duration.between(reported, step.escalatedAt()).abs()).isLessThan(Duration.ofMinutes(1));
    assertThat(step.respondBy()).isEqualTo(step.escalatedAt().plus(settings.escalation().pmoReview()));
    Task review = task(pi.getId());
    assertThat(candidateGroups(review)).containsExactly("pmo");
    assertThat(review.getDueDate().toInstant()).isEqualTo(step.respondBy().toInstant());
    assertThat(runtime.getVariable(pi.getId(), RiskProcess.ESCALATION_REASON.name())).isEqualTo(step.reason());
    assertThat(actions("ESCALATION", step.id())).containsExactly("ESCALATION_RECORDED by otto");
    assertThat(step.kind()).isEqualTo(EscalationKind.ESCALATION);
    assertThat(step.trigger()).isEqualTo(EscalationTrigger.RESIDUAL);
    assertThat(step.waitingFor()).isNull();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey())
        .as("the instance is named by its risk").isEqualTo(escalated.code());
    // the PMO's members are told; whoever raised (olga, herself PMO) or owns the risk is not
    assertThat(recipients(RiskService.ENTITY, escalated.id(), "Escalation: Risk " + escalated.code() + " (HIGH): "
        + escalated.title())).contains(otherPmo).doesNotContain(pmo, owner)
        .hasSameSizeAs(noticesOf(RiskService.ENTITY, escalated.id()));

    complete(otherPmo, pi.getId(), Map.of("pmoDecision", "accept", "pmoComment", "Insured; within appetite"));
    assertThat(pi).isEnded().hasPassed(RiskProcess.END_ACCEPTED_BY_PMO);
    Risk accepted = riskOf(pi);
    assertThat(accepted.status()).isEqualTo(RiskStatus.ACCEPTED);
    assertThat(accepted.closureReason()).isEqualTo("Accepted by the PMO: Insured; within appetite");
    assertThat(register.details(accepted.id(), Viewer.SYSTEM).history())
        .extracting(a -> a.kind() + " " + a.level() + " " + a.decision() + " by " + a.assessedBy())
        .containsExactly("INITIAL CRITICAL null by olga", "RESIDUAL HIGH null by otto",
            "PMO_DECISION HIGH ACCEPT by oscar");
    assertThat(actions(RiskService.ENTITY, accepted.id())).containsExactly("RISK_RAISED by olga",
        "RISK_ASSESSED by olga", "RISK_RESPONSE_PLANNED by otto", "RISK_RESIDUAL_REPORTED by otto",
        "RISK_ESCALATED by otto", "RISK_PMO_ACCEPTED by oscar");
  }

  @Test
  void thePmoDirectsANewResponseWhichBringsTheRiskDown() {
    ProcessInstance pi = atPmoReview(3, 5);
    complete(otherPmo, pi.getId(), Map.of("pmoDecision", "newResponse", "pmoComment", "Add a second supplier"));
    assertThat(pi).isWaitingAt(RiskProcess.TASK_PLAN_RESPONSE);
    assertThat(task(pi.getId()).getAssignee()).isEqualTo(owner);
    assertThat(riskOf(pi).status()).isEqualTo(RiskStatus.ASSESSED);

    complete(owner, pi.getId(), plan("avoid", today()));
    awaitTask(pi.getId(), RiskProcess.TASK_REPORT_RESIDUAL);
    complete(owner, pi.getId(), residual(2, 2));
    assertThat(pi).isEnded().hasPassed(RiskProcess.END_CLOSED);
    Risk closed = riskOf(pi);
    assertThat(closed.status()).isEqualTo(RiskStatus.CLOSED);
    assertThat(closed.responseStrategy()).isEqualTo(ResponseStrategy.AVOID);
    assertThat(closed.escalationLevel()).isEqualTo(1); // the highest it reached
    assertThat(register.details(closed.id(), Viewer.SYSTEM).history()).extracting(a -> a.kind() + " " + a.decision())
        .containsExactly("INITIAL null", "RESIDUAL null", "PMO_DECISION NEW_RESPONSE", "RESIDUAL null");
    assertThat(actions(RiskService.ENTITY, closed.id())).contains("RISK_PMO_NEW_RESPONSE by oscar")
        .endsWith("RISK_CLOSED by otto");
  }

  @Test
  void thePmoEscalatesToTheSteeringCommitteeWhichAccepts() {
    ProcessInstance pi = atPmoReview(4, 3);
    complete(otherPmo, pi.getId(), Map.of("pmoDecision", "escalate", "pmoComment", "Budget decision needed"));
    assertThat(pi).isWaitingAt(RiskProcess.TASK_STEERING_DECISION);
    Risk risk = riskOf(pi);
    assertThat(risk.escalationLevel()).isEqualTo(2);
    List<Escalation> steps = escalations.of(RiskService.ENTITY, risk.id());
    assertThat(steps).hasSize(2);
    Escalation toSteering = steps.get(1);
    assertThat(toSteering.level()).isEqualTo(2);
    assertThat(toSteering.escalatedTo()).isEqualTo("steering-committee");
    assertThat(toSteering.rule()).isEqualTo("risk-escalation-level/ESCALATED_BY_PMO");
    assertThat(toSteering.trigger()).isEqualTo(EscalationTrigger.PMO_ESCALATED);
    assertThat(recipients(RiskService.ENTITY, risk.id(), "Escalation: Risk " + risk.code() + " (" + risk.level()
        + "): " + risk.title())).contains(steering);
    assertThat(toSteering.reason()).isEqualTo("escalated by the PMO: Budget decision needed");
    assertThat(toSteering.escalatedBy()).isEqualTo(otherPmo);
    assertThat(toSteering.respondBy()).isEqualTo(toSteering.escalatedAt()
        .plus(settings.escalation().steeringDecision()));
    assertThat(candidateGroups(task(pi.getId()))).containsExactly("steering-committee");

    complete(steering, pi.getId(), Map.of("steeringDecision", "accept", "steeringComment", "Funded contingency"));
    assertThat(pi).isEnded().hasPassed(RiskProcess.END_ACCEPTED_BY_STEERING);
    assertThat(riskOf(pi).status()).isEqualTo(RiskStatus.ACCEPTED);
    assertThat(riskOf(pi).closureReason()).isEqualTo("Accepted by the steering committee: Funded contingency");
    assertThat(actions(RiskService.ENTITY, risk.id())).contains("RISK_PMO_ESCALATED by oscar",
        "RISK_STEERING_ACCEPTED by sam");
  }

  @Test
  void aMissedReportEscalatesToThePmoAndAMissedReviewToTheSteeringCommittee() {
    LocalDate due = today().plusDays(3);
    ProcessInstance pi = raiseAssessed(3, 4, null);
    complete(owner, pi.getId(), plan("mitigate", due));
    passTime(timer(pi.getId(), RiskProcess.EVENT_RESPONSE_DUE).getDuedate());
    awaitTask(pi.getId(), RiskProcess.TASK_REPORT_RESIDUAL);
    var reportDeadline = timer(pi.getId(), RiskProcess.EVENT_REPORT_OVERDUE).getDuedate();
    OffsetDateTime expectedDeadline = due.atStartOfDay().atOffset(ZoneOffset.UTC).plus(settings.residualReportGrace());
    assertThat(reportDeadline.toInstant()).isEqualTo(expectedDeadline.toInstant());

    // the owner does not report: the boundary timer fires at the deadline
    passTime(reportDeadline);
    awaitTask(pi.getId(), RiskProcess.TASK_PMO_REVIEW);
    assertThat(pi).hasPassed(RiskProcess.EVENT_REPORT_OVERDUE).hasNotPassed(RiskProcess.TASK_DETERMINE_RESIDUAL_LEVEL);
    Risk risk = riskOf(pi);
    Escalation toPmo = single(risk);
    assertThat(toPmo.rule()).isEqualTo("risk-escalation-level/REPORT_OVERDUE");
    assertThat(toPmo.trigger()).isEqualTo(EscalationTrigger.REPORT_OVERDUE);
    assertThat(toPmo.waitingFor()).isEqualTo(owner);
    assertThat(toPmo.escalatedTo()).isEqualTo("pmo");
    assertThat(toPmo.level()).isEqualTo(1);
    assertThat(toPmo.missedDeadline().toInstant()).isEqualTo(expectedDeadline.toInstant());
    assertThat(toPmo.reason()).isEqualTo("the residual assessment was not reported by "
        + toPmo.missedDeadline() + " (risk HIGH)");
    assertThat(toPmo.escalatedBy()).isEqualTo("system");
    assertThat(risk.status()).isEqualTo(RiskStatus.ESCALATED);
    assertThat(risk.residualProbability()).isNull();

    // nobody in the PMO decides either: the review timer fires at the respond-by time of the escalation
    var reviewDeadline = timer(pi.getId(), RiskProcess.EVENT_REVIEW_OVERDUE).getDuedate();
    assertThat(reviewDeadline.toInstant()).isEqualTo(toPmo.respondBy().toInstant());
    passTime(reviewDeadline);
    awaitTask(pi.getId(), RiskProcess.TASK_STEERING_DECISION);
    List<Escalation> steps = escalations.of(RiskService.ENTITY, risk.id());
    assertThat(steps).hasSize(2);
    Escalation toSteering = steps.get(1);
    assertThat(toSteering.rule()).isEqualTo("risk-escalation-level/REVIEW_OVERDUE");
    assertThat(toSteering.trigger()).isEqualTo(EscalationTrigger.REVIEW_OVERDUE);
    assertThat(toSteering.waitingFor()).isEqualTo("pmo");
    assertThat(toSteering.escalatedTo()).isEqualTo("steering-committee");
    assertThat(toSteering.level()).isEqualTo(2);
    assertThat(toSteering.missedDeadline()).isEqualTo(toPmo.respondBy());
    assertThat(toSteering.reason()).isEqualTo("the escalated risk was not decided by " + toPmo.respondBy());
    assertThat(toSteering.escalatedBy()).isEqualTo("system");
    assertThat(riskOf(pi).escalationLevel()).isEqualTo(2);

    complete(steering, pi.getId(), Map.of("steeringDecision", "accept", "steeringComment", "Accepted"));
    assertThat(pi).isEnded().hasPassed(RiskProcess.END_ACCEPTED_BY_STEERING);
    assertThat(actions(RiskService.ENTITY, risk.id())).containsExactly("RISK_RAISED by olga",
        "RISK_ASSESSED by olga", "RISK_RESPONSE_PLANNED by otto", "RISK_REPORT_OVERDUE by system",
        "RISK_ESCALATED by system", "RISK_REVIEW_OVERDUE by system", "RISK_ESCALATED by system",
        "RISK_STEERING_ACCEPTED by sam");
  }

  @Test
  void aCriticalRiskWhoseReportIsMissedGoesStraightToTheSteeringCommitteeWhichDirectsANewResponse() {
    ProcessInstance pi = raiseAssessed(4, 5, null);
    complete(owner, pi.getId(), plan("mitigate", today()));
    awaitTask(pi.getId(), RiskProcess.TASK_REPORT_RESIDUAL);
    passTime(timer(pi.getId(), RiskProcess.EVENT_REPORT_OVERDUE).getDuedate());
    awaitTask(pi.getId(), RiskProcess.TASK_STEERING_DECISION);
    assertThat(pi).hasNotPassed(RiskProcess.TASK_PMO_REVIEW);
    Escalation step = single(riskOf(pi));
    assertThat(step.rule()).isEqualTo("risk-escalation-level/REPORT_OVERDUE_CRITICAL");
    assertThat(step.escalatedTo()).isEqualTo("steering-committee");
    assertThat(step.level()).isEqualTo(2);

    complete(steering, pi.getId(), Map.of("steeringDecision", "newResponse", "steeringComment", "Replan by Friday"));
    assertThat(pi).isWaitingAt(RiskProcess.TASK_PLAN_RESPONSE);
    assertThat(riskOf(pi).status()).isEqualTo(RiskStatus.ASSESSED);
    assertThat(runtime.getVariable(pi.getId(), "steeringComment")).isEqualTo("Replan by Friday");
    assertThat(register.details(riskOf(pi).id(), Viewer.SYSTEM).history()).extracting(a -> a.kind() + " " + a.decision())
        .containsExactly("INITIAL null", "STEERING_DECISION NEW_RESPONSE");
  }

  @Test
  void aRiskThatMaterialisesBecomesAnIssue() {
    ProcessInstance pi = raiseAssessed(3, 5, null);
    complete(owner, pi.getId(), plan("mitigate", today()));
    awaitTask(pi.getId(), RiskProcess.TASK_REPORT_RESIDUAL);
    Map<String, Object> materialised = new HashMap<>(residual(3, 5));
    materialised.put("residualOutcome", "materialised");
    materialised.put("residualComment", "The supplier filed for insolvency today");
    complete(owner, pi.getId(), materialised);

    assertThat(pi).isEnded().hasPassed(RiskProcess.TASK_CONVERT_TO_ISSUE).hasPassed(RiskProcess.END_MATERIALISED)
        .hasNotPassed(RiskProcess.TASK_DETERMINE_RESIDUAL_LEVEL);
    Risk risk = riskOf(pi);
    assertThat(risk.status()).isEqualTo(RiskStatus.MATERIALISED);
    assertThat(risk.issueId()).isNotNull();
    assertThat(risk.closureReason()).isEqualTo("Materialised as issue I-" + risk.issueId());
    Issue issue = issues.get(risk.issueId());
    assertThat(issue.raisedFromRiskId()).isEqualTo(risk.id());
    assertThat(issue.projectId()).isEqualTo(projectId);
    assertThat(issue.title()).isEqualTo(risk.title());
    assertThat(issue.severity()).isEqualTo(IssueSeverity.HIGH); // the risk's level
    assertThat(issue.owner()).isEqualTo(owner);
    assertThat(issue.raisedBy()).isEqualTo(owner);
    assertThat(issue.status()).isEqualTo(IssueStatus.OPEN);
    assertThat(issue.description()).startsWith("Materialised risk R-" + risk.id() + ".")
        .endsWith("Owner: The supplier filed for insolvency today");
    ProcessInstance issueProcess = runtime.createProcessInstanceQuery().processInstanceId(issue.processInstanceId())
        .singleResult();
    assertThat(issueProcess).isWaitingAt(IssueProcess.TASK_TRIAGE);
    assertThat(runtime.getVariable(issueProcess.getId(), Tasklist.SUBJECT.name()))
        .isEqualTo("Issue I-" + issue.id() + ": " + risk.title());
    assertThat(jdbc.sql("select issue_id from risk where id = :id").param("id", risk.id()).query(Long.class)
        .single()).isEqualTo(issue.id());
    assertThat(actions(RiskService.ENTITY, risk.id())).endsWith("RISK_MATERIALISED by otto");
    assertThat(actions("ISSUE", issue.id())).containsExactly("ISSUE_RAISED by otto");
  }

  @Test
  void whoRaisedTheRiskOrOwnsItCannotReviewItsEscalation() {
    String pmoOwner = user("pia", "requesters", "pmo");
    ProcessInstance pi = raiseAssessedBy(pmo, pmoOwner, 4, 4);
    complete(pmoOwner, pi.getId(), plan("mitigate", today()));
    awaitTask(pi.getId(), RiskProcess.TASK_REPORT_RESIDUAL);
    complete(pmoOwner, pi.getId(), residual(4, 4));
    assertThat(pi).isWaitingAt(RiskProcess.TASK_PMO_REVIEW);
    Task review = task(pi.getId());

    for (String conflicted : List.of(pmo, pmoOwner)) {
      actAs(conflicted);
      assertThat(failureOf(() -> tasks.claim(review.getId(), conflicted)))
          .isInstanceOf(AuthorizationException.class);
      assertThat(failureOf(() -> tasks.complete(review.getId(), Map.of("pmoDecision", "accept", "pmoComment", "ok"))))
          .isInstanceOf(AuthorizationException.class);
      identityService.clearAuthentication();
    }
    assertThat(riskOf(pi).status()).isEqualTo(RiskStatus.ESCALATED);
    complete(otherPmo, pi.getId(), Map.of("pmoDecision", "accept", "pmoComment", "ok"));
    assertThat(pi).isEnded();
  }

  @Test
  void badInputAtRaisingIsRejectedByFieldAndWritesNothing() {
    String title = "Invalid " + unique();
    Map<String, Object> vars = raiseVariables(title);
    vars.remove("owner");
    vars.put("category", "WEATHER");
    actAs(requester);
    assertThat(failureOf(() -> runtime.startProcessInstanceByKey(RiskProcess.KEY, vars)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("category: must be one of TECHNICAL, SCHEDULE, COST, RESOURCES, SUPPLIER, REGULATORY, SECURITY, "
            + "EXTERNAL, not 'WEATHER'; owner: is required");

    vars.put("category", "SUPPLIER");
    vars.put("owner", "nobody-" + unique());
    vars.put("projectId", 987654321L);
    assertThat(failureOf(() -> runtime.startProcessInstanceByKey(RiskProcess.KEY, vars)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("projectId: unknown project 987654321")
        .hasMessageContaining("owner: unknown user 'nobody-");
    identityService.clearAuthentication();

    assertThat(jdbc.sql("select count(*) from risk where title = :t").param("t", title).query(Long.class).single())
        .isZero();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(RiskProcess.KEY)
        .variableValueEquals("title", title).count()).isZero();
  }

  @Test
  void badAssessmentsAndResponsesAreRejectedAndTheRiskStaysAsItWas() {
    ProcessInstance pi = raise("Bad values " + unique(), Map.of());
    Task assess = task(pi.getId());
    actAs(manager);
    assertThat(failureOf(() -> tasks.complete(assess.getId(), Map.of("probability", 0, "impact", 3,
        "monetaryImpact", 10)))).isInstanceOf(InvalidInputException.class)
        .hasMessage("probability: must be at least 1");
    assertThat(failureOf(() -> tasks.complete(assess.getId(), Map.of("probability", 6, "impact", 3,
        "monetaryImpact", 10)))).hasMessage("probability: must be at most 5");
    assertThat(failureOf(() -> tasks.complete(assess.getId(), Map.of("probability", 3, "monetaryImpact", 10))))
        .hasMessage("impact: is required");
    assertThat(failureOf(() -> tasks.complete(assess.getId(), Map.of("probability", 3, "impact", 3,
        "monetaryImpact", -1)))).hasMessage("monetaryImpact: must be at least 0");
    identityService.clearAuthentication();
    assertThat(pi).isWaitingAt(RiskProcess.TASK_ASSESS);
    Risk unchanged = riskOf(pi);
    assertThat(unchanged.status()).isEqualTo(RiskStatus.RAISED);
    assertThat(unchanged.probability()).isNull();
    assertThat(register.details(unchanged.id(), Viewer.SYSTEM).history()).isEmpty();

    complete(manager, pi.getId(), Map.of("probability", 3, "impact", 3, "monetaryImpact", 10));
    Task planning = task(pi.getId());
    actAs(owner);
    assertThat(failureOf(() -> tasks.complete(planning.getId(), plan("mitigate", today().minusDays(1)))))
        .isInstanceOf(InvalidInputException.class).hasMessage("dueDate: must not be in the past");
    assertThat(failureOf(() -> tasks.complete(planning.getId(), plan("ignore", today()))))
        .hasMessageContaining("responseStrategy: must be one of avoid, mitigate, transfer, accept, not 'ignore'");
    identityService.clearAuthentication();
    assertThat(pi).isWaitingAt(RiskProcess.TASK_PLAN_RESPONSE);
    assertThat(riskOf(pi).status()).isEqualTo(RiskStatus.ASSESSED);
    assertThat(riskOf(pi).responsePlan()).isNull();
  }

  // --- helpers

  private Map<String, Object> raiseVariables(String title) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("projectId", projectId);
    vars.put("title", title);
    vars.put("description", "Our only supplier of sensors is in trouble");
    vars.put("category", "SUPPLIER");
    vars.put("cause", "Falling orders");
    vars.put("effect", "No sensors for six months");
    vars.put("owner", owner);
    return vars;
  }

  /** Raised through the start form, as {@link #requester}; the project manager assesses it. */
  private ProcessInstance raise(String title, Map<String, Object> extra) {
    Map<String, Object> vars = raiseVariables(title);
    vars.putAll(extra);
    actAs(requester);
    try {
      return runtime.startProcessInstanceByKey(RiskProcess.KEY, vars);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Raised with its assessment (as the REST API does for the PMO): straight to the owner's response. */
  private ProcessInstance raiseAssessed(int probability, int impact, LocalDate dueDate) {
    ProcessInstance pi = raiseAssessedBy(pmo, owner, probability, impact);
    if (dueDate != null) {
      assertThat(riskOf(pi).dueDate()).isNull();
    }
    return pi;
  }

  private ProcessInstance raiseAssessedBy(String raiser, String riskOwner, int probability, int impact) {
    Map<String, Object> vars = raiseVariables("Assessed " + unique());
    vars.put("owner", riskOwner);
    vars.put("probability", probability);
    vars.put("impact", impact);
    vars.put("monetaryImpact", 50000);
    return startForUser(raiser, RiskProcess.KEY, vars);
  }

  /** A risk escalated to the PMO because it is still at this probability and impact after its response. */
  private ProcessInstance atPmoReview(int probability, int impact) {
    ProcessInstance pi = raiseAssessed(probability, impact, null);
    complete(owner, pi.getId(), plan("mitigate", today()));
    awaitTask(pi.getId(), RiskProcess.TASK_REPORT_RESIDUAL);
    complete(owner, pi.getId(), residual(probability, impact));
    assertThat(pi).isWaitingAt(RiskProcess.TASK_PMO_REVIEW);
    return pi;
  }

  private static Map<String, Object> plan(String strategy, LocalDate due) {
    return Map.of("responseStrategy", strategy, "responsePlan", "Qualify a second supplier", "dueDate",
        due.toString());
  }

  private static Map<String, Object> residual(int probability, int impact) {
    return Map.of("residualOutcome", "reassessed", "probability", probability, "impact", impact);
  }

  private Risk riskOf(ProcessInstance pi) {
    return register.get(jdbc.sql("select id from risk where process_instance_id = :pi").param("pi", pi.getId())
        .query(Long.class).single());
  }

  private Escalation single(Risk risk) {
    List<Escalation> steps = escalations.of(RiskService.ENTITY, risk.id());
    assertThat(steps).hasSize(1);
    return steps.get(0);
  }

  private List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> "candidate".equals(l.getType()))
        .map(IdentityLink::getGroupId).toList();
  }
}
