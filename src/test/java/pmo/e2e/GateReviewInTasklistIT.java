package pmo.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pmo.IntegrationTest;
import pmo.platform.Roles;
import pmo.project.NewProject;
import pmo.project.Project;
import pmo.project.ProjectService;
import pmo.project.Stage;

/** The G1 package and the board's decision, filled in Tasklist's Camunda Forms in headless Chromium. */
class GateReviewInTasklistIT extends IntegrationTest {

  @LocalServerPort
  int port;
  @Autowired
  ProjectService projects;

  @Test
  void gatePackageSubmittedAndDecidedThroughTasklistForms() throws Exception {
    user("paula", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    user("olga", Roles.REQUESTERS, Roles.PMO);
    user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    Project project = projects.register(new NewProject(null, "Browser gate " + unique(), null, "sam", "paula", "IT",
        null, new BigDecimal("50000"), LocalDate.now(), LocalDate.now().plusMonths(6), "Scope")).project();

    BrowserScenario.run("gate-tasklist.js", port, Map.of("SUBJECT", project.code() + " " + project.name()
        + " — gate G1", "PASSWORD", PASSWORD));

    await().atMost(Duration.ofSeconds(10)).until(() -> projects.find(project.id()).stage() == Stage.PLANNING);
    Map<String, Object> pkg = jdbc.sql("select * from gate_package where project_id = :p").param("p", project.id())
        .query().singleRow();
    assertThat(pkg).containsEntry("submitted_by", "paula").containsEntry("rag", "AMBER")
        .containsEntry("summary", "Charter signed, typed in Chromium")
        .containsEntry("links", "https://wiki.example/charter\nhttps://wiki.example/business-case");
    assertThat(jdbc.sql("select deliverable from gate_package_deliverable where package_id = :id and delivered "
        + "order by position").param("id", pkg.get("id")).query(String.class).list())
        .containsExactly("charter", "businessCase");
    Map<String, Object> decision = jdbc.sql("select * from gate_decision where project_id = :p")
        .param("p", project.id()).query().singleRow();
    assertThat(decision).containsEntry("decision", "GO").containsEntry("decided_by", "olga");
    assertThat(new BigDecimal(decision.get("total_score").toString())).isEqualByComparingTo("3.4");
    assertThat(jdbc.sql("select score from gate_decision_score where decision_id = :id order by position")
        .param("id", decision.get("id")).query(Integer.class).list()).isEqualTo(List.of(4, 3, 5, 1)); // the fourth from the training records
  }
}
