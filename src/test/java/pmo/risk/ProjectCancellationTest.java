package pmo.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import pmo.issue.CaseProcessTest;
import pmo.issue.IssueLog;
import pmo.issue.IssueProcess;
import pmo.issue.IssueService;
import pmo.issue.IssueStatus;

/**
 * Cancelling a project (ProjectService.cancel, as a Kill at a gate does) closes its open risks and issues with the
 * reason, ends their processes, and leaves closed ones and other projects alone; a failure later in the cancelling
 * transaction undoes all of it.
 */
class ProjectCancellationTest extends CaseProcessTest {

  @Autowired
  RiskRegister risks;
  @Autowired
  IssueLog issues;
  @Autowired
  TransactionTemplate transaction;

  @Test
  void cancellingAProjectCancelsItsOpenRisksAndIssuesAndEndsTheirProcesses() {
    long projectId = newProject();
    long otherProject = newProject();
    ProcessInstance raised = raiseRisk(projectId, null);          // waiting for the assessment
    ProcessInstance monitored = raiseRisk(projectId, 3);          // waiting for the due date (timer)
    complete(owner, monitored.getId(), Map.of("responseStrategy", "mitigate", "responsePlan", "Plan",
        "dueDate", today().plusDays(20).toString()));
    ProcessInstance closed = raiseRisk(projectId, 1);
    complete(owner, closed.getId(), Map.of("responseStrategy", "accept", "responsePlan", "Watch", "dueDate",
        today().toString()));
    awaitTask(closed.getId(), RiskProcess.TASK_REPORT_RESIDUAL);
    complete(owner, closed.getId(), Map.of("residualOutcome", "reassessed", "probability", 1, "impact", 1));
    ProcessInstance issue = raiseIssue(projectId);
    ProcessInstance elsewhere = raiseRisk(otherProject, 3);
    ProcessInstance otherIssue = raiseIssue(otherProject);

    // a steering committee member, who may not delete process instances, kills the project
    actAs(steering);
    projects.cancel(projectId, "Killed at gate G2");
    identityService.clearAuthentication();

    for (ProcessInstance pi : new ProcessInstance[] {raised, monitored}) {
      Risk risk = riskOf(pi);
      assertThat(risk.status()).isEqualTo(RiskStatus.CANCELLED);
      assertThat(risk.closureReason()).isEqualTo("Project cancelled: Killed at gate G2");
      assertThat(actions(RiskService.ENTITY, risk.id())).last().isEqualTo("RISK_CANCELLED by sam");
      assertEndedWithReason(pi);
    }
    assertThat(management.createJobQuery().processInstanceId(monitored.getId()).count()).isZero();
    assertThat(riskOf(closed).status()).isEqualTo(RiskStatus.CLOSED);
    assertThat(actions(RiskService.ENTITY, riskOf(closed).id())).doesNotContain("RISK_CANCELLED by sam");

    var cancelledIssue = issues.get(issueId(issue));
    assertThat(cancelledIssue.status()).isEqualTo(IssueStatus.CANCELLED);
    assertThat(cancelledIssue.resolution()).isEqualTo("Project cancelled: Killed at gate G2");
    assertThat(actions(IssueService.ENTITY, cancelledIssue.id())).last().isEqualTo("ISSUE_CANCELLED by sam");
    assertEndedWithReason(issue);

    assertThat(riskOf(elsewhere).status()).isEqualTo(RiskStatus.ASSESSED);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(elsewhere.getId()).count()).isEqualTo(1);
    assertThat(issues.get(issueId(otherIssue)).status()).isEqualTo(IssueStatus.OPEN);
  }

  @Test
  void aFailureLaterInTheCancellingTransactionLeavesRisksIssuesAndProcessesAsTheyWere() {
    long projectId = newProject();
    ProcessInstance risk = raiseRisk(projectId, 4);
    ProcessInstance issue = raiseIssue(projectId);

    Throwable failure = failureOf(() -> transaction.executeWithoutResult(status -> {
      projects.cancel(projectId, "Killed");
      throw new IllegalStateException("the gate decision fails afterwards");
    }));
    assertThat(failure).hasMessage("the gate decision fails afterwards");
    assertThat(riskOf(risk).status()).isEqualTo(RiskStatus.ASSESSED);
    assertThat(issues.get(issueId(issue)).status()).isEqualTo(IssueStatus.OPEN);
    assertThat(runtime.createProcessInstanceQuery().processInstanceIds(java.util.Set.of(risk.getId(), issue.getId()))
        .count()).isEqualTo(2);
    assertThat(actions(RiskService.ENTITY, riskOf(risk).id())).doesNotContain("RISK_CANCELLED by system");
  }

  private void assertEndedWithReason(ProcessInstance pi) {
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    HistoricProcessInstance history = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(pi.getId()).singleResult();
    assertThat(history.getDeleteReason()).endsWith("cancelled: Killed at gate G2");
  }

  private ProcessInstance raiseRisk(long projectId, Integer probabilityAndImpact) {
    Map<String, Object> vars = new java.util.HashMap<>(Map.of("projectId", projectId, "title", "Cancel " + unique(),
        "category", "TECHNICAL", "owner", owner));
    if (probabilityAndImpact != null) {
      vars.put("probability", probabilityAndImpact);
      vars.put("impact", probabilityAndImpact);
    }
    return startForUser(pmo, RiskProcess.KEY, vars);
  }

  private ProcessInstance raiseIssue(long projectId) {
    actAs(requester);
    try {
      return runtime.startProcessInstanceByKey(IssueProcess.KEY, Map.of("projectId", projectId, "title",
          "Cancel issue " + unique(), "severity", "high", "owner", owner));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private Risk riskOf(ProcessInstance pi) {
    return risks.get(jdbc.sql("select id from risk where process_instance_id = :pi").param("pi", pi.getId())
        .query(Long.class).single());
  }

  private long issueId(ProcessInstance pi) {
    return jdbc.sql("select id from issue where process_instance_id = :pi").param("pi", pi.getId())
        .query(Long.class).single();
  }
}
