package pmo.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pmo.IntegrationTest;
import pmo.platform.Roles;
import pmo.project.NewProject;
import pmo.project.ProjectService;

/** The risk start form and the project manager's assessment form, filled in Tasklist in headless Chromium. */
class RiskInTasklistIT extends IntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  ProjectService projects;

  @Test
  void riskRaisedAndAssessedThroughTasklistForms() throws Exception {
    user("rita", Roles.REQUESTERS);
    user("paula", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    user("otto", Roles.REQUESTERS);
    user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    long projectId = projects.register(new NewProject(null, "Browser risk project " + unique(), null, "sam", "paula",
        "IT", null, new BigDecimal("100000"), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), "Scope"))
        .project().id();
    String title = "Browser risk " + unique();

    BrowserScenario.run("risk-tasklist.js", port, Map.of("TITLE", title, "PASSWORD", PASSWORD,
        "PROJECT_CODE", projects.find(projectId).code()));

    await().atMost(Duration.ofSeconds(10)).until(() -> "ASSESSED".equals(jdbc.sql(
        "select status from risk where title = :t").param("t", title).query(String.class).optional().orElse(null)));
    Map<String, Object> row = jdbc.sql("select * from risk where title = :t").param("t", title).query().singleRow();
    assertThat(((Number) row.get("project_id")).longValue()).isEqualTo(projectId);
    assertThat(row.get("category")).isEqualTo("SUPPLIER");
    assertThat(row.get("description")).isEqualTo("Typed into the start form in Chromium");
    assertThat(row.get("cause")).isEqualTo("One supplier only");
    assertThat(row.get("effect")).isEqualTo("No parts for months");
    assertThat(row.get("owner")).isEqualTo("otto");
    assertThat(row.get("raised_by")).isEqualTo("rita");
    assertThat(row.get("level")).isEqualTo("CRITICAL");
    assertThat(((Number) row.get("score")).intValue()).isEqualTo(20);
    assertThat(new BigDecimal(row.get("exposure").toString())).isEqualByComparingTo("175000.00");
    String processInstance = (String) row.get("process_instance_id");
    var task = engine.getTaskService().createTaskQuery().processInstanceId(processInstance).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_PlanResponse");
    assertThat(task.getAssignee()).isEqualTo("otto");
    assertThat(jdbc.sql("select assessed_by from risk_assessment where risk_id = :id").param("id", row.get("id"))
        .query(String.class).list()).containsExactly("paula");
    engine.getRuntimeService().deleteProcessInstance(processInstance, "test over");
  }
}
