package pmo.stagegate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import pmo.change.ChangeRequestProcess;
import pmo.issue.IssueProcess;
import pmo.platform.Roles;
import pmo.project.ProjectStatus;
import pmo.project.Rag;
import pmo.risk.RiskProcess;

/**
 * Kill at a gate, across the capabilities: the project's open risk, issue and change request are cancelled with the
 * gate's reason and their processes end, in the transaction of the board's decision.
 */
class KillClosesOpenWorkTest extends LifecycleTestSupport {

  @Test
  void killAtG2CancelsTheProjectsOpenRisksIssuesAndChangeRequests() {
    String requester = user("rita", Roles.REQUESTERS);
    long projectId = registerInPlanning("Kill with open work " + unique(), "300000");
    // assessed when raised (G2's must-meet criteria want every open risk assessed), its response not yet planned
    ProcessInstance risk = startForUser(requester, RiskProcess.KEY, Map.of("projectId", projectId,
        "title", "Vendor insolvency " + unique(), "category", "TECHNICAL", "owner", manager, "probability", 2,
        "impact", 3));
    ProcessInstance issue = start(requester, IssueProcess.KEY, Map.of("projectId", projectId,
        "title", "Test rig broken " + unique(), "severity", "high", "owner", manager));
    ProcessInstance change = start(requester, ChangeRequestProcess.KEY, Map.of("projectId", projectId,
        "title", "More reports " + unique(), "description", "Regional reports", "reason", "Regions ask for them",
        "changeType", "normal", "costDelta", 5000, "scheduleDeltaDays", 5, "scopeChange", "Regional reports",
        "qualityImpact", "none"));
    List<ProcessInstance> openWork = List.of(risk, issue, change);
    assertThat(runtime.createProcessInstanceQuery().processInstanceIds(ids(openWork)).count()).isEqualTo(3);

    ProcessInstance g2 = gateReview(projectId);
    complete(manager, g2, gatePackage(List.of("projectPlan"), "The business case no longer holds", Rag.RED));
    Map<String, Object> kill = decision("kill", 1, 1, 2, 1);
    kill.put(GateReviewProcess.DECISION_NOTES.name(), "Market gone");
    complete(steering, g2, kill);

    assertThat(project(projectId).status()).isEqualTo(ProjectStatus.CANCELLED);
    String reason = "Killed at gate G2: Market gone";
    assertThat(status("risk", risk)).isEqualTo("CANCELLED");
    assertThat(status("issue", issue)).isEqualTo("CANCELLED");
    assertThat(status("change_request", change)).isEqualTo("CANCELLED");
    assertThat(runtime.createProcessInstanceQuery().processInstanceIds(ids(openWork)).count()).isZero();
    for (ProcessInstance ended : openWork) {
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(ended.getId())
          .singleResult().getDeleteReason()).as(ended.getProcessDefinitionId()).contains(reason);
    }
    assertThat(jdbc.sql("select action from audit_event where project_id = :p and action like '%CANCELLED' order by seq")
        .param("p", projectId).query(String.class).list())
        .contains("PROJECT_CANCELLED", "RISK_CANCELLED", "ISSUE_CANCELLED", "CHANGE_REQUEST_CANCELLED");
  }

  private String status(String table, ProcessInstance pi) {
    return jdbc.sql("select status from " + table + " where process_instance_id = :pi").param("pi", pi.getId())
        .query(String.class).single();
  }

  private static java.util.Set<String> ids(List<ProcessInstance> instances) {
    return new java.util.HashSet<>(instances.stream().map(ProcessInstance::getId).toList());
  }
}
