package pmo.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import pmo.change.ChangeRequestProcess;
import pmo.e2e.BrowserScenario;

/**
 * The migration page in headless Chromium: a process owner moves a change request waiting at its PMO approval to a
 * version whose approval task has another id, editing the generated mapping; a staff member is refused. The
 * screenshots land in target/e2e (migration-page-validated.png, migration-page.png).
 */
class MigrationPageIT extends MigrationTestSupport {

  @LocalServerPort
  int port;

  @Test
  void aProcessOwnerMigratesAWaitingChangeRequestOnThePage() throws Exception {
    ProcessInstance pi = waitingAtPmoApproval(project());
    int source = currentVersion();
    int target = deployNextVersion(Map.of("\"Task_PmoApproval\"", "\"Task_PmoApprovalV2\""));

    BrowserScenario.run("migration-page.js", port, Map.of("OWNER", owner, "STAFF", pmo, "PASSWORD", PASSWORD,
        "SOURCE", String.valueOf(source), "TARGET", String.valueOf(target),
        "FROM", ChangeRequestProcess.TASK_PMO_APPROVAL, "TO", "Task_PmoApprovalV2", "INSTANCE", pi.getId(), "SCREENSHOT", "migration-page"));

    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult()
        .getTaskDefinitionKey()).isEqualTo("Task_PmoApprovalV2");
  }
}
