package pmo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
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
 * Issue 10, point 1 in a browser: a requester starts a change request, a risk, an issue and an improvement proposal
 * for one project from her Tasklist start forms, and the auditor finds each on the auditor's page: "Started:
 * &lt;process&gt;" by her with the case's reference, and the case's first task naming the same case
 * (src/e2e/auditor-every-process.js). Here: each case was recorded for the project as raised by her. The screenshots
 * (auditor-every-process*.png) land in target/e2e.
 */
class AuditorFindsEveryProcessIT extends IntegrationTest {

  @LocalServerPort
  int port;
  @Autowired
  ProjectService projects;

  @Test
  void everyProcessStartedFromTasklistIsOnTheAuditorsPage() throws Exception {
    // a requester of her own: the Who of the four "Started" rows can only be her
    String requester = user("rita-" + unique(), Roles.REQUESTERS);
    String manager = user("pm-" + unique(), Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    user("otto", Roles.REQUESTERS);
    user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    user("olga", Roles.REQUESTERS, Roles.PMO);
    user("audrey", Roles.AUDITORS);
    String suffix = unique();
    long projectId = projects.register(new NewProject(null, "Audited everywhere " + suffix, "Every process audited",
        "sam", manager, "IT", "Digital customer experience", new BigDecimal("100000"), LocalDate.of(2027, 1, 1),
        LocalDate.of(2027, 12, 31), "Audit scope")).project().id();
    Project project = projects.find(projectId);

    BrowserScenario.run("auditor-every-process.js", port, Map.of("PASSWORD", PASSWORD,
        "PROJECT_ID", String.valueOf(projectId), "PROJECT_CODE", project.code(), "PROJECT_NAME", project.name(),
        "REQUESTER", requester, "OWNER", "otto", "AUDITOR", "audrey", "SUFFIX", suffix));

    // the four cases were started through the browser: recorded for the project, raised by the requester
    assertThat(raisedBy("change_request", "requester", "Audited change " + suffix, projectId)).isEqualTo(requester);
    assertThat(raisedBy("risk", "raised_by", "Audited risk " + suffix, projectId)).isEqualTo(requester);
    assertThat(raisedBy("issue", "raised_by", "Audited issue " + suffix, projectId)).isEqualTo(requester);
    assertThat(raisedBy("improvement_proposal", "proposer", "Audited improvement " + suffix, projectId))
        .isEqualTo(requester);
  }

  private String raisedBy(String table, String column, String title, long projectId) {
    return jdbc.sql("select " + column + " from " + table + " where title = :title and project_id = :project")
        .param("title", title).param("project", projectId).query(String.class).single();
  }
}
