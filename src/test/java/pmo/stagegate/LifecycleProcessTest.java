package pmo.stagegate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import pmo.knowledge.KnowledgeService;
import pmo.knowledge.NewLesson;
import pmo.platform.Roles;
import pmo.project.NewBaseline;
import pmo.project.Project;
import pmo.project.ProjectCancelled;
import pmo.project.ProjectService;
import pmo.project.ProjectStatus;
import pmo.project.Rag;
import pmo.project.Stage;

/**
 * Every path of the lifecycle and its gate reviews on the real engine and database: Go through all gates, Kill at G1
 * and G2, Hold with the timer re-opening the review, Recycle then Go, the must-meet knock-out, four eyes. Each checks
 * stage, status, decision and lesson rows and the audit trail.
 */
@RecordApplicationEvents
class LifecycleProcessTest extends LifecycleTestSupport {

  @Autowired
  ManagementService management;
  @Autowired
  ApplicationEvents events;
  @Autowired
  KnowledgeService knowledge;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void goThroughAllGatesToClosure() {
    long projectId = register("All gates " + unique(), "200000");
    ProcessInstance lifecycle = lifecycleOf(projectId);
    assertThat(lifecycle).isWaitingAt(LifecycleProcess.CALL_G1);

    ProcessInstance g1 = gateReview(projectId);
    assertThat(g1).isWaitingAt(GateReviewProcess.TASK_SUBMIT_PACKAGE).task().isAssignedTo(manager);
    complete(manager, g1, gatePackage(List.of("charter", "businessCase"), "Charter signed by the sponsor", Rag.GREEN));
    assertThat(g1).isWaitingAt(GateReviewProcess.TASK_BOARD_DECISION);
    complete(office, g1, decision("go", 4, 3, 5));
    assertThat(g1).isEnded().hasPassed(GateReviewProcess.END_GO);
    assertThat(project(projectId).stage()).isEqualTo(Stage.PLANNING);

    ProcessInstance g2 = gateReview(projectId);
    complete(manager, g2, gatePackage(List.of("projectPlan", "budgetBaseline"), "Plan ready", Rag.AMBER));
    complete(steering, g2, decision("go", 4, 4, 3, 3));
    assertThat(project(projectId).stage()).isEqualTo(Stage.EXECUTION);

    ProcessInstance g3 = gateReview(projectId);
    complete(manager, g3, gatePackage(List.of("acceptance", "handover"), "Accepted", Rag.GREEN));
    complete(office, g3, decision("go", 5, 4, 4));
    assertThat(project(projectId).stage()).isEqualTo(Stage.CLOSURE);

    assertThat(lifecycle).isWaitingAt(LifecycleProcess.TASK_POST_PROJECT_REVIEW).task().isAssignedTo(manager);
    complete(manager, lifecycle, review("Weekly demos kept the sponsor close\n- Early test data",
        "Start procurement sooner", "Vendor management, testing"));
    assertThat(lifecycle).isEnded().hasPassed(LifecycleProcess.END_CLOSED);

    Project closed = project(projectId);
    assertThat(closed.stage()).isEqualTo(Stage.CLOSED);
    assertThat(closed.status()).isEqualTo(ProjectStatus.COMPLETED);
    assertThat(decisions(projectId)).containsExactly("G1 GO by olga", "G2 GO by sam", "G3 GO by olga");
    assertThat(jdbc.sql("select total_score from gate_decision where project_id = :p order by id")
        .param("p", projectId).query(java.math.BigDecimal.class).list())
        .usingElementComparator(java.math.BigDecimal::compareTo)
        // G1: 4, 3, 5 by the board and 1 for an untrained manager (managerTrained, from the training records)
        .containsExactly(new java.math.BigDecimal("3.4"), new java.math.BigDecimal("3.6"),
            new java.math.BigDecimal("4.5"));
    assertThat(jdbc.sql("select text || ' [' || tags || '] ' || author from lesson where project_id = :p order by id")
        .param("p", projectId).query(String.class).list()).containsExactly(
        "Weekly demos kept the sponsor close [went-well vendor-management testing] paula",
        "Early test data [went-well vendor-management testing] paula",
        "Start procurement sooner [to-improve vendor-management testing] paula");
    assertThat(projectActions(projectId)).containsSubsequence("PROJECT_REGISTERED", "LIFECYCLE_STARTED",
        "GATE_PACKAGE_SUBMITTED", "GATE_CHECKED", "GATE_DECIDED", "PROJECT_STAGE_CHANGED",
        "GATE_PACKAGE_SUBMITTED", "GATE_CHECKED", "GATE_DECIDED", "PROJECT_STAGE_CHANGED",
        "GATE_PACKAGE_SUBMITTED", "GATE_CHECKED", "GATE_DECIDED", "PROJECT_STAGE_CHANGED",
        "POST_PROJECT_REVIEWED", "LESSON_RECORDED", "LESSON_RECORDED", "LESSON_RECORDED", "PROJECT_CLOSED");
  }

  @Test
  void killAtG1CancelsTheProjectAndEndsTheLifecycleThroughClosure() {
    long projectId = register("Kill at G1 " + unique(), "90000");
    ProcessInstance g1 = gateReview(projectId);
    complete(manager, g1, gatePackage(List.of("charter"), "Charter approved, but the market moved", Rag.RED));
    Map<String, Object> kill = decision("kill", 1, 2, 3);
    kill.put(GateReviewProcess.DECISION_NOTES.name(), "The market for this product has gone");
    complete(office, g1, kill);

    assertThat(g1).isEnded().hasPassed(GateReviewProcess.END_KILL);
    Project killed = project(projectId);
    assertThat(killed.status()).isEqualTo(ProjectStatus.CANCELLED);
    assertThat(killed.stage()).isEqualTo(Stage.INITIATION);
    assertThat(events.stream(ProjectCancelled.class)).containsExactly(
        new ProjectCancelled(projectId, "Killed at gate G1: The market for this product has gone"));
    assertThat(decisions(projectId)).containsExactly("G1 KILL by olga");
    assertThat(jdbc.sql("select notes from gate_decision where project_id = :p").param("p", projectId)
        .query(String.class).single()).isEqualTo("The market for this product has gone");

    ProcessInstance lifecycle = lifecycleOf(projectId);
    assertThat(lifecycle).isWaitingAt(LifecycleProcess.TASK_POST_PROJECT_REVIEW)
        .hasNotPassed(LifecycleProcess.CALL_G2);
    complete(manager, lifecycle, review("Killing early saved the budget", "Check the market before the charter",
        "market"));
    assertThat(lifecycle).isEnded();
    Project closed = project(projectId);
    assertThat(closed.stage()).isEqualTo(Stage.CLOSED);
    assertThat(closed.status()).isEqualTo(ProjectStatus.CANCELLED);
    assertThat(count("select count(*) from lesson where project_id = :p", projectId)).isEqualTo(2);
    assertThat(actions(ProjectService.ENTITY, projectId)).containsExactly(
        "PROJECT_REGISTERED by system", "PROJECT_CANCELLED by olga", "PROJECT_CLOSED by paula");
  }

  @Test
  void killAtG2ByTheSteeringCommitteeAnnouncesTheCancellation() {
    long projectId = registerInPlanning("Kill at G2 " + unique(), "400000");
    ProcessInstance g2 = gateReview(projectId);
    complete(manager, g2, gatePackage(List.of("projectPlan", "riskRegister"), "Plan costs twice the case", Rag.RED));
    // G2's board is the steering committee: the PMO does not even see the task
    actAs(office);
    assertThat(tasks.createTaskQuery().processInstanceId(g2.getId()).count()).isZero();
    identityService.clearAuthentication();
    Map<String, Object> kill = decision("kill", 2, 1, 3, 2);
    kill.put(GateReviewProcess.DECISION_NOTES.name(), "The plan doubles the cost of the business case");
    complete(steering, g2, kill);

    assertThat(g2).isEnded().hasPassed(GateReviewProcess.END_KILL);
    assertThat(project(projectId).status()).isEqualTo(ProjectStatus.CANCELLED);
    assertThat(project(projectId).stage()).isEqualTo(Stage.PLANNING);
    // the risk, issue and change capabilities close the project's open work when they hear this, in this transaction
    assertThat(events.stream(ProjectCancelled.class)).containsExactly(
        new ProjectCancelled(projectId, "Killed at gate G2: The plan doubles the cost of the business case"));
    assertThat(decisions(projectId)).containsExactly("G1 GO by olga", "G2 KILL by sam");
    assertThat(lifecycleOf(projectId)).isWaitingAt(LifecycleProcess.TASK_POST_PROJECT_REVIEW)
        .hasNotPassed(LifecycleProcess.CALL_G3);
    assertThat(projectActions(projectId)).containsSubsequence("GATE_DECIDED", "PROJECT_CANCELLED");
  }

  @Test
  void holdPausesTheProjectAndTheTimerReopensTheReviewOnTheChosenDate() {
    long projectId = register("Hold " + unique(), "150000");
    ProcessInstance g1 = gateReview(projectId);
    complete(manager, g1, gatePackage(List.of("charter", "businessCase"), "Waiting for the budget round", Rag.AMBER));
    LocalDate until = LocalDate.now().plusDays(21);
    Map<String, Object> hold = decision("hold", 3, 3, 3);
    hold.put(GateReviewProcess.HOLD_UNTIL.name(), until.toString());
    hold.put(GateReviewProcess.DECISION_NOTES.name(), "Decide after the budget round");
    complete(office, g1, hold);

    assertThat(g1).isWaitingAt(GateReviewProcess.EVENT_HOLD_UNTIL);
    assertThat(project(projectId).status()).isEqualTo(ProjectStatus.ON_HOLD);
    Job timer = management.createJobQuery().processInstanceId(g1.getId()).timers().singleResult();
    assertThat(timer.getDuedate()).isEqualTo(Date.from(until.atStartOfDay(ZoneId.systemDefault()).toInstant()));

    ClockUtil.setCurrentTime(Date.from(until.atStartOfDay(ZoneId.systemDefault()).plusHours(1).toInstant()));
    await().atMost(Duration.ofSeconds(20)).until(() ->
        tasks.createTaskQuery().processInstanceId(g1.getId()).taskDefinitionKey(GateReviewProcess.TASK_BOARD_DECISION)
            .count() == 1);
    assertThat(g1).hasPassed(GateReviewProcess.TASK_RESUME, GateReviewProcess.TASK_CHECK_MUST_MEET);
    assertThat(project(projectId).status()).isEqualTo(ProjectStatus.ACTIVE);
    assertThat(jdbc.sql("select occasion from gate_check where project_id = :p order by id").param("p", projectId)
        .query(String.class).list()).containsExactly("SUBMISSION", "DECISION", "REOPENING");
    // the board decides afresh: the hold decision is not pre-filled
    assertThat(runtime.getVariable(g1.getId(), GateReviewProcess.GATE_DECISION.name())).isNull();

    complete(office, g1, decision("go", 4, 4, 4));
    assertThat(project(projectId).stage()).isEqualTo(Stage.PLANNING);
    assertThat(decisions(projectId)).containsExactly("G1 HOLD by olga", "G1 GO by olga");
    assertThat(jdbc.sql("select hold_until from gate_decision where project_id = :p and decision = 'HOLD'")
        .param("p", projectId).query(LocalDate.class).single()).isEqualTo(until);
    assertThat(actions(ProjectService.ENTITY, projectId)).containsExactly(
        "PROJECT_REGISTERED by system", "PROJECT_PUT_ON_HOLD by olga", "PROJECT_RESUMED by system",
        "PROJECT_STAGE_CHANGED by olga");
  }

  @Test
  void recycleSendsThePackageBackWithReworkNotesThenGo() {
    long projectId = register("Recycle " + unique(), "120000");
    ProcessInstance g1 = gateReview(projectId);
    complete(manager, g1, gatePackage(List.of("charter"), "First try", Rag.GREEN));
    Map<String, Object> recycle = decision("recycle", 3, 2, 3);
    recycle.put(GateReviewProcess.DECISION_NOTES.name(), "Add the stakeholder register");
    complete(office, g1, recycle);

    assertThat(g1).isWaitingAt(GateReviewProcess.TASK_SUBMIT_PACKAGE).task().isAssignedTo(manager);
    assertThat(runtime.getVariable(g1.getId(), GateReviewProcess.REWORK_NOTES.name()))
        .isEqualTo("Recycled by the gate board:\nAdd the stakeholder register");
    assertThat(project(projectId).stage()).isEqualTo(Stage.INITIATION);
    assertThat(project(projectId).status()).isEqualTo(ProjectStatus.ACTIVE);

    complete(manager, g1, gatePackage(List.of("charter", "stakeholderRegister"), "With the register", Rag.GREEN));
    complete(office, g1, decision("go", 4, 4, 4));
    assertThat(g1).isEnded().hasPassed(GateReviewProcess.END_GO);
    assertThat(project(projectId).stage()).isEqualTo(Stage.PLANNING);
    assertThat(decisions(projectId)).containsExactly("G1 RECYCLE by olga", "G1 GO by olga");
    assertThat(jdbc.sql("select attempt from gate_package where project_id = :p order by id").param("p", projectId)
        .query(Integer.class).list()).containsExactly(1, 2);
    assertThat(jdbc.sql("""
            select d.deliverable from gate_package_deliverable d join gate_package p on p.id = d.package_id
             where p.project_id = :p and p.attempt = 2 and d.delivered order by d.position""")
        .param("p", projectId).query(String.class).list()).containsExactly("charter", "stakeholderRegister");
  }

  @Test
  void mustMeetKnockOutSendsThePackageBackBeforeTheBoardSeesIt() {
    long projectId = register("Knock-out " + unique(), "80000");
    ProcessInstance g1 = gateReview(projectId);
    complete(manager, g1, gatePackage(List.of("businessCase"), "Charter still unsigned", Rag.AMBER));

    assertThat(g1).isWaitingAt(GateReviewProcess.TASK_SUBMIT_PACKAGE).hasNotPassed(GateReviewProcess.TASK_BOARD_DECISION);
    assertThat(GateReviewProcess.REWORK_NOTES.get(runtime.getVariables(g1.getId()))).isEqualTo(
        "Sent back: must-meet criteria of gate G1 not met:\n- Project charter approved by the sponsor: Tick the "
            + "project charter in the G1 package once the sponsor has approved it");
    assertThat(jdbc.sql("""
            select c.passed as check_passed, r.criterion, r.passed from gate_check c
              join gate_check_criterion r on r.check_id = c.id where c.project_id = :p""")
        .param("p", projectId)
        .query((rs, i) -> rs.getBoolean("check_passed") + " " + rs.getString("criterion") + " " + rs.getBoolean("passed"))
        .list()).containsExactly("false charterApproved false");
    assertThat(count("select count(*) from gate_decision where project_id = :p", projectId)).isZero();

    complete(manager, g1, gatePackage(List.of("businessCase", "charter"), "Charter signed now", Rag.GREEN));
    assertThat(g1).isWaitingAt(GateReviewProcess.TASK_BOARD_DECISION);
    assertThat(projectActions(projectId)).containsSubsequence("GATE_PACKAGE_SUBMITTED", "GATE_CHECKED",
        "GATE_PACKAGE_SUBMITTED", "GATE_CHECKED");
  }

  @Test
  void g2KnockOutOnAMissingBudgetBaselineUntilOneIsSet() {
    long projectId = registerInPlanning("No budget yet " + unique(), "0");
    ProcessInstance g2 = gateReview(projectId);
    complete(manager, g2, gatePackage(List.of("projectPlan"), "Plan without a budget", Rag.AMBER));
    assertThat(g2).isWaitingAt(GateReviewProcess.TASK_SUBMIT_PACKAGE);
    assertThat(GateReviewProcess.REWORK_NOTES.get(runtime.getVariables(g2.getId())))
        .contains("Budget baseline set: Set a new baseline version with a budget above 0");

    projects.addBaseline(projectId, new NewBaseline(new BigDecimal("350000"), LocalDate.now().plusDays(10),
        LocalDate.now().plusMonths(12), "Scope as planned", "Planning set the budget", null));
    complete(manager, g2, gatePackage(List.of("projectPlan", "budgetBaseline"), "Plan with budget", Rag.GREEN));
    assertThat(g2).isWaitingAt(GateReviewProcess.TASK_BOARD_DECISION);
    assertThat(jdbc.sql("select passed from gate_check where project_id = :p and gate = 'G2' order by id")
        .param("p", projectId).query(Boolean.class).list()).containsExactly(false, true);
  }

  @Test
  void whoSubmittedThePackageCannotDecideOnIt() {
    String both = user("pia", Roles.REQUESTERS, Roles.PROJECT_MANAGERS, Roles.PMO);
    long projectId = register("Own package " + unique(), "50000", both);
    ProcessInstance g1 = gateReview(projectId);
    complete(both, g1, gatePackage(List.of("charter"), "My own package", Rag.GREEN));
    assertThat(jdbc.sql("select submitted_by from gate_package where process_instance_id = :pi")
        .param("pi", g1.getId()).query(String.class).single()).isEqualTo(both);

    String taskId = tasks.createTaskQuery().processInstanceId(g1.getId()).singleResult().getId();
    actAs(both);
    assertThat(tasks.createTaskQuery().processInstanceId(g1.getId()).count()).as("not offered to the submitter")
        .isZero();
    assertThat(failureOf(() -> tasks.claim(taskId, both))).isInstanceOf(AuthorizationException.class);
    assertThat(failureOf(() -> tasks.complete(taskId, decision("go", 5, 5, 5))))
        .isInstanceOf(AuthorizationException.class);
    identityService.clearAuthentication();
    assertThat(count("select count(*) from gate_decision where project_id = :p", projectId)).isZero();
    assertThat(project(projectId).stage()).isEqualTo(Stage.INITIATION);

    complete(office, g1, decision("go", 5, 5, 5));
    assertThat(project(projectId).stage()).isEqualTo(Stage.PLANNING);
  }

  @Test
  void theG1PackageOffersTheLessonsOfEarlierProjectsOfTheCategory() {
    long earlier = register("Earlier IT project " + unique(), "10000");
    String lesson = "Freeze the interfaces before the vendor starts " + unique();
    knowledge.record(List.of(new NewLesson(earlier, "IT", List.of("vendor", "interfaces"), lesson)));

    long projectId = register("New IT project " + unique(), "10000");
    String offered = GateReviewProcess.LESSONS_OFFERED.get(runtime.getVariables(gateReview(projectId).getId()));
    assertThat(offered).startsWith("- " + lesson + " (" + project(earlier).code() + ", vendor, interfaces)");
    // G2 offers none: the lessons are for the start of a project
    long planning = registerInPlanning("Later IT project " + unique(), "10000");
    assertThat(GateReviewProcess.LESSONS_OFFERED.get(runtime.getVariables(gateReview(planning).getId()))).isNull();
  }
}
