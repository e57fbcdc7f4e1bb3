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

/** A change request raised through the Tasklist start form, assessed and approved through the task forms. */
class ChangeRequestInTasklistIT extends IntegrationTest {

  @LocalServerPort
  int port;
  @Autowired
  ProjectService projects;

  @Test
  void changeRaisedAssessedAndApprovedThroughTasklistForms() throws Exception {
    user("rita", Roles.REQUESTERS);
    // a project manager of their own, so their task list holds just this scenario's assessment
    String manager = user("pm-" + unique(), Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    user("olga", Roles.REQUESTERS, Roles.PMO);
    user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    long projectId = projects.register(new NewProject(null, "Browser target " + unique(), "Changed in a browser", "sam",
        manager, "IT", "Digital customer experience", new BigDecimal("100000"), LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 4, 10), "Reporting hub")).project().id();
    String title = "Browser change " + unique();

    BrowserScenario.run("change-request-tasklist.js", port, Map.of("TITLE", title, "PASSWORD", PASSWORD,
        "PROJECT_CODE", projects.find(projectId).code(), "MANAGER", manager));

    Map<String, Object> row = jdbc.sql("select * from change_request where title = :t").param("t", title)
        .query().singleRow();
    assertThat(row.get("status")).isEqualTo("APPROVED");
    assertThat(row.get("requester")).isEqualTo("rita");
    // picked from the project picker by its code
    assertThat(((Number) row.get("project_id")).longValue()).isEqualTo(projectId);
    assertThat(row.get("change_type")).isEqualTo("NORMAL");
    assertThat(row.get("quality_impact")).isEqualTo("MINOR");
    assertThat(row.get("route")).isEqualTo("PMO");
    assertThat(row.get("assessed_by")).isEqualTo(manager);
    assertThat(row.get("scope_change")).isEqualTo("Regional <b>sales</b> reports");
    assertThat(row.get("risk_notes")).isEqualTo("Regional feeds may be late");
    assertThat(new BigDecimal(row.get("cost_delta").toString())).isEqualByComparingTo("2500");
    String id = row.get("id").toString();
    assertThat(jdbc.sql("select approver || ' ' || stage || ' ' || decision || ' ' || comment from change_approval "
        + "where change_request_id = :id").param("id", Long.valueOf(id)).query(String.class).list())
        .containsExactly("olga PMO APPROVE Approved in the browser");
    assertThat(projects.get(projectId).currentBaseline().version()).isEqualTo(2);
    assertThat(projects.get(projectId).currentBaseline().budgetAtCompletion()).isEqualByComparingTo("102500");
    assertThat(jdbc.sql("select actor from audit_event where entity_type = 'CHANGE_REQUEST' and entity_id = :id "
        + "order by id").param("id", id).query(String.class).list())
        .containsExactly("rita", manager, manager, "olga", "olga", "olga");
    String processInstance = (String) row.get("process_instance_id");
    await().atMost(Duration.ofSeconds(30)).until(() -> engine.getTaskService().createTaskQuery()
        .processInstanceId(processInstance).taskDefinitionKey("Task_ImplementChange").count() == 1);
  }
}
