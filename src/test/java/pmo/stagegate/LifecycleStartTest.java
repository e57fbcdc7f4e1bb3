package pmo.stagegate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import pmo.intake.IntakeProcess;
import pmo.platform.ConflictException;
import pmo.platform.Roles;
import pmo.project.NewProject;
import pmo.project.Stage;

/**
 * The lifecycle starts with the registration of a project, in its transaction, at the project's stage: from an
 * approved intake, at a later stage (as the demo portfolio registers), and never without the registration.
 */
class LifecycleStartTest extends LifecycleTestSupport {

  @Autowired
  TransactionTemplate transaction;
  @Autowired
  LifecycleService lifecycles;

  @Test
  void anApprovedIntakeRegistersTheProjectAndStartsItsLifecycleAtG1() {
    String requester = user("rita", Roles.REQUESTERS);
    String title = "Intake to lifecycle " + unique();
    Map<String, Object> proposal = new HashMap<>();
    proposal.put(IntakeProcess.TITLE.name(), title);
    proposal.put(IntakeProcess.BUSINESS_CASE.name(), "Less paper");
    proposal.put(IntakeProcess.SPONSOR.name(), steering);
    proposal.put(IntakeProcess.CATEGORY.name(), "PROCESS_IMPROVEMENT");
    proposal.put(IntakeProcess.ESTIMATED_BUDGET.name(), 60000);
    proposal.put(IntakeProcess.ESTIMATED_MONTHS.name(), 6);
    proposal.put(IntakeProcess.STRATEGIC_OBJECTIVE.name(), "Lower operating cost");
    proposal.put(IntakeProcess.EXPECTED_BENEFITS.name(), "Faster approvals");
    actAs(requester);
    ProcessInstance intake = runtime.startProcessInstanceByKey(IntakeProcess.KEY, proposal);
    identityService.clearAuthentication();
    complete(office, intake, Map.of(IntakeProcess.SCREENING_DECISION.name(), "complete"));
    complete(steering, intake, Map.of(IntakeProcess.SPONSOR_DECISION.name(), "approve",
        IntakeProcess.PROJECT_MANAGER.name(), manager,
        IntakeProcess.PLANNED_START.name(), LocalDate.now().plusDays(7).toString()));
    // registration is an asynchronous step of the intake
    await().atMost(Duration.ofSeconds(20))
        .until(() -> runtime.createProcessInstanceQuery().processInstanceId(intake.getId()).count() == 0);

    long projectId = jdbc.sql("select id from project where name = :n").param("n", title).query(Long.class).single();
    ProcessInstance lifecycle = lifecycleOf(projectId);
    assertThat(lifecycle.getBusinessKey()).isEqualTo(project(projectId).code());
    assertThat(lifecycle).isWaitingAt(LifecycleProcess.CALL_G1).hasPassed("Event_Initiation");
    Task packageTask = tasks.createTaskQuery().processInstanceId(gateReview(projectId).getId()).singleResult();
    assertThat(packageTask.getTaskDefinitionKey()).isEqualTo(GateReviewProcess.TASK_SUBMIT_PACKAGE);
    assertThat(packageTask.getAssignee()).isEqualTo(manager);
    // on the task itself too, so the project manager's Tasklist card shows it
    assertThat(tasks.getVariableLocal(packageTask.getId(), "subject"))
        .isEqualTo(project(projectId).code() + " " + title + " — gate G1");
    assertThat(runtime.getVariables(gateReview(projectId).getId()))
        .containsEntry("subject", project(projectId).code() + " " + title + " — gate G1")
        .containsEntry(GateReviewProcess.GATE_BOARD.name(), "pmo");
    // the package form's checklist: the G1 deliverables of the PMO's standard (config/application.yaml)
    assertThat(runtime.getVariable(gateReview(projectId).getId(), GateReviewProcess.DELIVERABLE_OPTIONS.name()))
        .hasToString("[{\"label\":\"Project charter, approved by the sponsor\",\"value\":\"charter\"},"
            + "{\"label\":\"Business case\",\"value\":\"businessCase\"},"
            + "{\"label\":\"Stakeholder register\",\"value\":\"stakeholderRegister\"},"
            + "{\"label\":\"Initial risk list\",\"value\":\"initialRisks\"}]");
    assertThat(actions(LifecycleService.LIFECYCLE_ENTITY, projectId)).containsExactly("LIFECYCLE_STARTED by system");
  }

  @Test
  void aProjectRegisteredAndMovedInOneTransactionStartsItsLifecycleInThatStage() {
    long inExecution = registerAt("Demo-like execution " + unique(), Stage.EXECUTION);
    assertThat(lifecycleOf(inExecution)).isWaitingAt(LifecycleProcess.CALL_G3)
        .hasNotPassed(LifecycleProcess.CALL_G1, LifecycleProcess.CALL_G2);
    assertThat(GateReviewProcess.GATE.get(runtime.getVariables(gateReview(inExecution).getId()))).isEqualTo(Gate.G3);
    assertThat(jdbc.sql("select start_stage from project_lifecycle where project_id = :p").param("p", inExecution)
        .query(String.class).single()).isEqualTo("EXECUTION");

    long inPlanning = registerAt("Demo-like planning " + unique(), Stage.PLANNING);
    assertThat(lifecycleOf(inPlanning)).isWaitingAt(LifecycleProcess.CALL_G2);

    long inClosure = registerAt("Demo-like closure " + unique(), Stage.CLOSURE);
    assertThat(lifecycleOf(inClosure)).isWaitingAt(LifecycleProcess.TASK_POST_PROJECT_REVIEW);
    assertThat(runtime.getVariables(lifecycleOf(inClosure).getId()))
        .containsEntry(LifecycleProcess.BASELINE_BUDGET.name(), 75000.0);
    // the post-project review shows the project and its baseline (issue 10 point 4)
    var review = engine.getTaskService().createTaskQuery().processInstanceId(lifecycleOf(inClosure).getId())
        .singleResult();
    assertThat(((String) engine.getTaskService().getVariableLocal(review.getId(),
        pmo.platform.engine.Tasklist.CONTEXT.name())).replaceAll("\\\\(.)", "$1"))
        .contains("post-project review", "Demo-like closure", "Stage:** Closure", "Current baseline:** v1: budget 75,000.00");
  }

  @Test
  void noLifecycleWithoutTheRegistrationAndOnlyOnePerProject() {
    String name = "Rolled back " + unique();
    Throwable failure = failureOf(() -> transaction.executeWithoutResult(status -> {
      register(name, "1000");
      throw new IllegalStateException("the intake's registration step fails after registering");
    }));
    assertThat(failure).hasMessage("the intake's registration step fails after registering");
    assertThat(jdbc.sql("select count(*) from project where name = :n").param("n", name).query(Long.class).single())
        .isZero();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(LifecycleProcess.KEY)
        .variableValueEquals("subject", name).count()).isZero();

    long projectId = register("Only one lifecycle " + unique(), "1000");
    assertThat(failureOf(() -> lifecycles.start(projectId))).isInstanceOf(ConflictException.class)
        .hasMessageEndingWith("already has its lifecycle");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(LifecycleProcess.KEY)
        .processInstanceBusinessKey(project(projectId).code()).count()).isEqualTo(1);
  }

  private long registerAt(String name, Stage stage) {
    return transaction.execute(status -> {
      long id = projects.register(new NewProject(null, name, null, steering, otherManager, "PRODUCT", null,
          new BigDecimal("75000"), LocalDate.now(), LocalDate.now().plusMonths(6), "Scope")).project().id();
      projects.moveToStage(id, stage);
      return id;
    });
  }
}
