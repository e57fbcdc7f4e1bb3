package pmo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import pmo.IntegrationTest;
import pmo.platform.Roles;

/** The intake start form and the screening form, filled in Tasklist in headless Chromium. */
class IntakeInTasklistIT extends IntegrationTest {

  @LocalServerPort
  int port;

  @Test
  void proposalStartedAndScreenedThroughTasklistForms() throws Exception {
    user("rita", Roles.REQUESTERS);
    user("olga", Roles.REQUESTERS, Roles.PMO);
    user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    String title = "Browser proposal " + unique();

    BrowserScenario.run("intake-tasklist.js", port, Map.of("TITLE", title, "PASSWORD", PASSWORD));

    Map<String, Object> row = jdbc.sql("select * from project_proposal where title = :t").param("t", title)
        .query().singleRow();
    assertThat(row.get("status")).isEqualTo("SCREENED");
    assertThat(row.get("requester")).isEqualTo("rita");
    assertThat(row.get("sponsor")).as("picked from the sponsor picker").isEqualTo("sam");
    assertThat(row.get("category")).isEqualTo("RESEARCH");
    assertThat(new java.math.BigDecimal(row.get("estimated_budget").toString())).isEqualByComparingTo("12345.50");
    assertThat(row.get("expected_benefits")).isEqualTo("Knowledge <b>shared</b>");
    String processInstance = (String) row.get("process_instance_id");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(processInstance).singleResult()
        .getTaskDefinitionKey()).isEqualTo("Task_SponsorApproval");
    // the five levels picked in the screening form (their options filled in by the server) became the scoring
    Map<String, Object> scoring = jdbc.sql("select * from portfolio_score where subject_type = 'PROPOSAL'"
        + " and subject_id = :id and is_current").param("id", row.get("id")).query().singleRow();
    assertThat(scoring.get("source")).isEqualTo("SCREENING");
    assertThat(scoring.get("scored_by")).isEqualTo("olga");
    assertThat(scoring.get("scores"))
        .isEqualTo("{\"strategicFit\":5,\"financialReturn\":4,\"customerImpact\":3,\"deliveryRisk\":2,\"cost\":2}");
    assertThat(jdbc.sql("select actor from audit_event where entity_type = 'PROJECT_PROPOSAL' and entity_id = :id "
            + "order by id").param("id", row.get("id").toString()).query(String.class).list())
        .containsExactly("rita", "olga");
  }
}
