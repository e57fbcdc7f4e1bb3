package pmo.e2e;

import java.time.LocalDate;
import java.util.Map;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import pmo.IntegrationTest;
import pmo.intake.IntakeProcess;
import pmo.intake.Proposals;
import pmo.platform.Roles;

/**
 * A quiet, translated workplace in headless Chromium: Tasklist, Cockpit and Admin in English and in Simplified Chinese
 * (the browser's locale), without the Camunda 8 banner, without page errors, console errors or failed requests to the
 * application; "Create task" hidden from a requester and shown to an administrator; the auditor's page (dates in the
 * reader's locale) and the analytics page in Simplified Chinese. Screenshots of each land in target/e2e.
 */
class WorkplaceLocaleIT extends IntegrationTest {

  @LocalServerPort
  int port;

  @Test
  void theWebappsAndTheAuditorsPageSpeakEnglishAndSimplifiedChineseQuietly() throws Exception {
    String requester = user("rita-wl", Roles.REQUESTERS);
    String admin = user("adam-wl", Roles.ADMIN);
    String auditor = user("audrey-wl", Roles.AUDITORS);
    String pmo = user("olga-wl", Roles.REQUESTERS, Roles.PMO);
    String sponsor = user("sam-wl", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    String manager = user("paula-wl", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    ProcessInstance pi = start(requester, IntakeProcess.KEY, Proposals.startVariables("Workplace " + unique(), sponsor));
    complete(pmo, pi.getId(), Map.of("screeningDecision", "complete"));
    complete(sponsor, pi.getId(), Map.of("sponsorDecision", "approve", "projectManager", manager,
        "plannedStart", LocalDate.now().plusDays(2).toString(), "sponsorComment", "Go"));
    Awaitility.await().until(() -> engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(pi.getId()).count() == 0);
    long projectId = jdbc.sql("select project_id from project_proposal where process_instance_id = :pi")
        .param("pi", pi.getId()).query(Long.class).single();

    BrowserScenario.run("workplace-locale.js", port, Map.of("REQUESTER", requester, "ADMIN", admin,
        "AUDITOR", auditor, "PASSWORD", PASSWORD, "PROJECT_ID", String.valueOf(projectId),
        "SCREENSHOT", "workplace"));
  }
}
