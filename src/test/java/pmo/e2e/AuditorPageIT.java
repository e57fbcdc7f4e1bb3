package pmo.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
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
 * The auditor's page in headless Chromium: a finished process's full history for its project, with text that users
 * typed as HTML and script shown as text and never run. The screenshot lands in target/e2e.
 */
class AuditorPageIT extends IntegrationTest {

  static final String SCRIPT = "<script>alert('owned')</script>";
  static final String IMAGE = "<img src=x onerror=alert('img')>";

  @LocalServerPort
  int port;

  @Test
  void finishedIntakeHistoryIsShownWithTypedMarkupAsText() throws Exception {
    user("audrey", Roles.AUDITORS);
    user("rita", Roles.REQUESTERS);
    user("olga", Roles.REQUESTERS, Roles.PMO);
    user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    user("paula", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    String title = "Audited " + unique() + " " + SCRIPT;
    Map<String, Object> vars = Proposals.startVariables(title, "sam");
    vars.put("businessCase", "Case with " + IMAGE + " and '; drop table project; --");
    vars.put("strategicObjective", "<b>bold</b> objective");
    ProcessInstance pi = start("rita", IntakeProcess.KEY, vars);
    complete("olga", pi.getId(), Map.of("screeningDecision", "complete"));
    complete("sam", pi.getId(), Map.of("sponsorDecision", "approve", "projectManager", "paula",
        "plannedStart", LocalDate.now().plusDays(2).toString(), "sponsorComment", "Go <i>ahead</i>"));
    Awaitility.await().until(() -> engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(pi.getId()).count() == 0);
    long projectId = jdbc.sql("select project_id from project_proposal where process_instance_id = :pi")
        .param("pi", pi.getId()).query(Long.class).single();

    long proposalId = jdbc.sql("select id from project_proposal where process_instance_id = :pi")
        .param("pi", pi.getId()).query(Long.class).single();
    // task names start with the case's reference (PRP-n)
    List<String> expected = List.of("Started: Project intake", "Ended: Project intake",
        "PRP-" + proposalId + " Screen proposal (completed)", "Completed: PRP-" + proposalId + " Approve as sponsor", "PROPOSAL_APPROVED", "PROJECT_REGISTERED",
        "olga", "sam", SCRIPT, IMAGE, "Go <i>ahead</i>");
    BrowserScenario.run("auditor-timeline.js", port, Map.of("PROJECT_ID", String.valueOf(projectId),
        "AUDITOR", "audrey", "PASSWORD", PASSWORD, "EXPECT", new ObjectMapper().writeValueAsString(expected),
        "SCREENSHOT", "auditor-finished-intake"));
  }

}
