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

/**
 * A reference and a place for my cases (issue 10, point 5), in headless Chromium: a requester raises a change request
 * from the Tasklist start form and finds it on /my-cases/ by its reference, waiting at "CR-n Assess impact" for the
 * project's manager (src/e2e/my-cases.js); here: the reference is the instance's business key and the confirmation
 * notice to her names it.
 */
class MyCasesIT extends IntegrationTest {

  @LocalServerPort
  int port;
  @Autowired
  ProjectService projects;

  @Test
  void aRequesterFindsHerRequestByItsReferenceWithWhereItWaits() throws Exception {
    String requester = user("rita", Roles.REQUESTERS);
    String manager = user("pm-" + unique(), Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    long projectId = projects.register(new NewProject(null, "My cases target " + unique(), "Changed in a browser",
        "sam", manager, "IT", "Digital customer experience", new BigDecimal("100000"), LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 4, 10), "Reporting hub")).project().id();
    String title = "My case " + unique();

    try {
      BrowserScenario.run("my-cases.js", port, Map.of("TITLE", title, "PASSWORD", PASSWORD,
          "PROJECT_CODE", projects.find(projectId).code(), "REQUESTER", requester, "MANAGER", manager));
      // the language she chose on the page is the one her notices are written in from now on
      assertThat(engine.getIdentityService().getUserInfo(requester, pmo.platform.identity.Directory.LANGUAGE_KEY)).isEqualTo("zh-CN");
    } finally {
      // the other tests read rita's notices in English
      engine.getIdentityService().deleteUserInfo(requester, pmo.platform.identity.Directory.LANGUAGE_KEY);
    }

    Map<String, Object> row = jdbc.sql("select id, requester, process_instance_id from change_request where title = :t")
        .param("t", title).query().singleRow();
    String reference = "CR-" + row.get("id");
    assertThat(row.get("requester")).isEqualTo(requester);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId((String) row.get("process_instance_id")).singleResult().getBusinessKey())
        .isEqualTo(reference);
    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from notice where recipient = :r "
        + "and related_type = 'CASE_CONFIRMATION' and related_id = :id and subject like :s")
        .param("r", requester).param("id", reference)
        .param("s", "Your change request " + reference + " was recorded: %").query(Long.class).single() == 1);
  }
}
