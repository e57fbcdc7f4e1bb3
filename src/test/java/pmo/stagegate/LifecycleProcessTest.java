package pmo.stagegate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import pmo.project.Project;
import pmo.project.ProjectStatus;
import pmo.project.Stage;

/** Every path of the lifecycle and its gate reviews on the real engine and database, checking rows and audit. */
class LifecycleProcessTest extends LifecycleTestSupport {

  @Test
  void goThroughAllGatesToClosure() {
    long projectId = register("All gates " + unique(), "200000");
    ProcessInstance lifecycle = lifecycleOf(projectId);
    assertThat(lifecycle).isWaitingAt(LifecycleProcess.CALL_G1);

    ProcessInstance g1 = gateReview(projectId);
    assertThat(g1).isWaitingAt(GateReviewProcess.TASK_SUBMIT_PACKAGE).task().isAssignedTo(manager);
    complete(manager, g1, gatePackage(List.of("charter", "businessCase"), "Charter signed by the sponsor", "GREEN"));
    assertThat(g1).isWaitingAt(GateReviewProcess.TASK_BOARD_DECISION);
    complete(pmo, g1, decision("go", 4, 3, 5));
    assertThat(g1).isEnded().hasPassed(GateReviewProcess.END_GO);
    assertThat(project(projectId).stage()).isEqualTo(Stage.PLANNING);

    ProcessInstance g2 = gateReview(projectId);
    complete(manager, g2, gatePackage(List.of("projectPlan", "budgetBaseline"), "Plan ready", "AMBER"));
    complete(steering, g2, decision("go", 4, 4, 3, 3));
    assertThat(project(projectId).stage()).isEqualTo(Stage.EXECUTION);

    ProcessInstance g3 = gateReview(projectId);
    complete(manager, g3, gatePackage(List.of("acceptance", "handover"), "Accepted", "GREEN"));
    complete(pmo, g3, decision("go", 5, 4, 4));
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
        .containsExactly(new java.math.BigDecimal("4.0"), new java.math.BigDecimal("3.6"),
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
}
