package pmo.stagegate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import pmo.platform.FieldError;
import pmo.platform.InvalidInputException;
import pmo.project.Rag;

/**
 * The staffing table of the G1 and G2 gate packages on the real engine and database: the form offers the roles (filled
 * in when the form is fetched) and the project's plan as it stands; the rows submitted (as Tasklist does: a JSON list)
 * replace the plan; a bad row is refused naming the row and field, the task stays open and nothing is written.
 */
class GateStaffingTest extends LifecycleTestSupport {

  @Test
  void theGatePackagesStaffingTableReplacesTheProjectsPlan() {
    long projectId = register("Staffed " + unique(), "150000");
    ProcessInstance g1 = gateReview(projectId);
    Task submit = tasks.createTaskQuery().processInstanceId(g1.getId()).singleResult();
    assertThat(tasks.getVariable(submit.getId(), "staffingShown")).isEqualTo(true);
    // the roles come with the form as the manager fetches it (no process variable holds them)
    assertThat(formOptions(manager, submit, "role")).contains("\"value\":\"developer\"", "Architect");
    assertThat(tasks.getVariables(submit.getId())).doesNotContainKey("staffingRoles");

    VariableMap bad = withStaffing(gatePackage(List.of("charter"), "Ready", Rag.GREEN),
        "[{\"role\":\"developer\",\"from\":\"2150-01\",\"to\":\"2150-03\",\"fte\":-1}]");
    Throwable refused = failToComplete(manager, g1, bad);
    assertThat(refused).isInstanceOf(InvalidInputException.class);
    assertThat(((InvalidInputException) refused).errors()).extracting(FieldError::field)
        .containsExactly("staffing[0].fte");
    assertThat(g1).isWaitingAt(GateReviewProcess.TASK_SUBMIT_PACKAGE);
    assertThat(allocations(projectId)).isEmpty();

    complete(manager, g1, withStaffing(gatePackage(List.of("charter"), "Ready", Rag.GREEN),
        "[{\"role\":\"developer\",\"from\":\"2150-01\",\"to\":\"2150-03\",\"fte\":2.5},"
            + "{\"role\":\"analyst\",\"from\":\"2150-02\",\"fte\":1}]"));
    assertThat(allocations(projectId)).containsExactly("analyst 2150-02-01 1.00", "developer 2150-01-01 2.50",
        "developer 2150-02-01 2.50", "developer 2150-03-01 2.50");
    assertThat(projectActions(projectId)).contains("ALLOCATIONS_SET");

    // G2: the table shows the plan as it stands
    complete(office, g1, decision("go", 4, 4, 4));
    ProcessInstance g2 = gateReview(projectId);
    Task g2Package = tasks.createTaskQuery().processInstanceId(g2.getId()).singleResult();
    assertThat(tasks.getVariable(g2Package.getId(), "staffing").toString())
        .contains("\"role\":\"analyst\"", "\"from\":\"2150-01\"", "\"to\":\"2150-03\"");
  }

  private static VariableMap withStaffing(Map<String, Object> vars, String rows) {
    VariableMap typed = Variables.fromMap(vars);
    typed.putValueTyped("staffing", SpinValues.jsonValue(rows).create());
    return typed;
  }

  private List<String> allocations(long projectId) {
    return jdbc.sql("select role || ' ' || month_start || ' ' || fte from portfolio_allocation"
        + " where subject_type = 'PROJECT' and subject_id = :p order by role, month_start").param("p", projectId)
        .query(String.class).list();
  }
}
