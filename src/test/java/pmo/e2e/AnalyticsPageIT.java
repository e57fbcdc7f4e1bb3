package pmo.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pmo.IntegrationTest;
import pmo.improvement.analytics.AnalyticsIndexer;
import pmo.improvement.proposal.ImprovementProposalProcess;
import pmo.platform.Roles;

/**
 * The analytics page in headless Chromium on a real diagram: a few improvement proposals are submitted and rejected,
 * indexed, and a process owner opens /analytics/ for the process. Every step they ran carries its figures and a heat
 * colour, the flows they took their counts, the tables are filled, nothing is loaded from outside the application
 * and the browser logs no error. The screenshot lands in target/e2e.
 */
class AnalyticsPageIT extends IntegrationTest {

  @LocalServerPort
  int port;
  @Autowired
  AnalyticsIndexer indexer;

  @Test
  void theFiguresAreDrawnOnTheDiagramOfTheProcess() throws Exception {
    String owner = user("owen-an", Roles.PROCESS_OWNERS);
    String rita = user("rita-an", Roles.REQUESTERS);
    String olga = user("olga-an", Roles.REQUESTERS, Roles.PMO);
    for (int i = 0; i < 3; i++) {
      Map<String, Object> proposal = new HashMap<>(Map.of("title", "Analytics sample " + unique(),
          "problem", "Gate packages are late", "proposal", "A checklist", "expectedBenefit", "On time",
          "concerns", "gate-review"));
      ProcessInstance pi = start(rita, ImprovementProposalProcess.KEY, proposal);
      complete(olga, pi.getId(), Map.of("evaluation", "reject", "evaluationReason", "Covered already",
          "points", 10));
      Awaitility.await().until(() -> engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceId(pi.getId()).count() == 0);
    }
    indexer.indexAll();

    ObjectMapper json = new ObjectMapper();
    BrowserScenario.run("analytics-page.js", port, Map.of("PROCESS", ImprovementProposalProcess.KEY,
        "USER_ID", owner, "PASSWORD", PASSWORD,
        "EXPECT_STEPS", json.writeValueAsString(List.of(ImprovementProposalProcess.TASK_RECORD,
            ImprovementProposalProcess.TASK_EVALUATE, ImprovementProposalProcess.TASK_RECORD_EVALUATION)),
        "EXPECT_FLOWS", json.writeValueAsString(List.of("Flow_ToEvaluate", "Flow_Evaluated")),
        "SCREENSHOT", "analytics-improvement-proposal"));
  }
}
