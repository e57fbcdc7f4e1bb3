package pmo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pmo.IntegrationTest;
import pmo.platform.Roles;
import pmo.project.NewProject;
import pmo.project.Project;
import pmo.project.ProjectService;

/**
 * Issue 10 point 4 in a browser: the assessment and the PMO approval form of a change request show its project, the
 * baseline with its currency, the figures with their percentages, the route in words and the assessment comment
 * (src/e2e/decision-context.js; screenshots target/e2e/decision-context-*.png); so does a risk's response form.
 */
class DecisionContextIT extends IntegrationTest {

  @LocalServerPort
  int port;
  @Autowired
  ProjectService projects;

  @Test
  void theFormsShowTheCaseTheyDecideOn() throws Exception {
    user("rita", Roles.REQUESTERS);
    // a project manager of their own, so their task list holds just this scenario's assessment
    String manager = user("pm-" + unique(), Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    user("olga", Roles.REQUESTERS, Roles.PMO);
    user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    Project project = projects.register(new NewProject(null, "Context target " + unique(), "Decided in a browser",
        "sam", manager, "IT", "Digital customer experience", new BigDecimal("100000"), LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 4, 10), "Reporting hub")).project();
    String title = "Context change " + unique();
    Map<String, Object> request = new HashMap<>(Map.of("projectId", project.id(), "title", title,
        "description", "Add the regional sales reports", "reason", "Regions need their own figures",
        "changeType", "normal", "costDelta", 3000, "scheduleDeltaDays", 5, "scopeChange", "Regional reports",
        "qualityImpact", "minor"));
    request.put("riskNotes", "Regional feeds may be late");
    actAs("rita");
    engine.getRuntimeService().startProcessInstanceByKey("change-request", request);
    identityService.clearAuthentication();
    String comment = "Checked with finance, the regions pay half";
    // a risk of the project, raised assessed by the PMO (as the REST API does): straight to its owner's response
    String riskOwner = user("ro-" + unique(), Roles.REQUESTERS);
    String riskTitle = "Context risk " + unique();
    startForUser("olga", "risk-escalation", new HashMap<>(Map.of("projectId", project.id(), "title", riskTitle,
        "description", "Our only supplier is in trouble", "category", "SUPPLIER", "cause", "Falling orders",
        "effect", "No sensors", "owner", riskOwner, "probability", 4, "impact", 4, "monetaryImpact", 250000)));

    BrowserScenario.run("decision-context.js", port, Map.of("TITLE", title, "PASSWORD", PASSWORD,
        "PROJECT_CODE", project.code(), "PROJECT_NAME", project.name(), "MANAGER", manager, "APPROVER", "olga",
        "COMMENT", comment, "RISK_OWNER", riskOwner, "RISK_TITLE", riskTitle));

    Map<String, Object> row = jdbc.sql("select * from change_request where title = :t").param("t", title)
        .query().singleRow();
    assertThat(row.get("assessed_by")).isEqualTo(manager);
    assertThat(row.get("assessment_comment")).isEqualTo(comment);
    assertThat(row.get("assessed_at")).isNotNull();
    assertThat(row.get("route")).isEqualTo("PMO");
  }
}
