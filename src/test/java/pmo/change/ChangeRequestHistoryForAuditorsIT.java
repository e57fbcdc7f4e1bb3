package pmo.change;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import pmo.audit.AuditEvent;
import pmo.e2e.BrowserScenario;
import pmo.platform.Roles;

/**
 * A finished change request, read by an auditor: its decision is in the audit trail with the rule's version, inputs,
 * matched rule and output; and the auditor's page in headless Chromium shows its full history (screenshot
 * target/e2e/auditor-finished-change-request.png).
 */
class ChangeRequestHistoryForAuditorsIT extends ChangeTestSupport {

  @LocalServerPort
  int port;

  @Test
  void finishedChangeRequestHistoryWithTheRoutingDecision() throws Exception {
    user("audrey", Roles.AUDITORS);
    long projectId = project();
    ProcessInstance pi = raiseAndAssess(projectId, "normal", 8000, 2, "minor");
    boardVotes(pi, everyVoter("approve", requester));
    awaitAt(pi, ChangeRequestProcess.TASK_IMPLEMENT);
    implementAndVerify(pi);
    awaitAt(pi, null);
    ChangeRequest closed = requestOf(pi);

    AuditEvent decision = jdbc.sql("select * from audit_event where process_instance_id = :pi "
            + "and action = 'DECISION_EVALUATED'").param("pi", pi.getId()).query(AuditEvent.class).single();
    assertThat(decision.projectId()).isEqualTo(projectId);
    assertThat(decision.afterState()).contains("\"decision\":\"change-approval-route\"",
        "\"version\":" + closed.routeDecisionVersion(), "\"Cost delta (% of budget)\":\"8.0\"",
        "\"Change type\":\"normal\"", "\"matchedRules\":[\"", "\"route\":\"BOARD\"");

    List<String> expected = List.of("Started: Change request", "Ended: Change request",
        "Decided: change-approval-route v" + closed.routeDecisionVersion(), "Cost delta (% of budget)",
        // task names start with the request's reference (CR-n)
        "Completed: " + closed.reference() + " Assess impact",
        "Completed: " + closed.reference() + " Vote on change (change board)",
        "Completed: " + closed.reference() + " Verify implementation",
        "CHANGE_REQUEST_RAISED", "BASELINE_CREATED", "rita", "paula", "carl");
    BrowserScenario.run("auditor-timeline.js", port, Map.of("PROJECT_ID", String.valueOf(projectId),
        "AUDITOR", "audrey", "PASSWORD", PASSWORD, "EXPECT", new ObjectMapper().writeValueAsString(expected),
        "SCREENSHOT", "auditor-finished-change-request"));
  }
}
