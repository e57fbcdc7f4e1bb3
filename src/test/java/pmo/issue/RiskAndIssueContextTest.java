package pmo.issue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pmo.platform.engine.Tasklist;
import pmo.project.Project;

/**
 * Issue 10 point 4 for risks and issues: each task carries its case's context ({@code caseContext}, task-local) read
 * from the stored risk or issue, its project and its escalations when the task is created.
 */
class RiskAndIssueContextTest extends CaseProcessTest {

  long projectId;
  Project project;

  @BeforeEach
  void project() {
    projectId = newProject();
    project = projects.find(projectId);
  }

  @Test
  void aRisksTasksShowTheProjectTheLevelTheMoneyInEurosAndEveryEarlierAssessmentAndEscalation() {
    Map<String, Object> risk = new HashMap<>(Map.of("projectId", projectId, "title", "Vendor insolvency " + unique(),
        "description", "Our only supplier of sensors is in trouble", "category", "SUPPLIER", "cause", "Falling orders",
        "effect", "No sensors for six months", "owner", owner));
    ProcessInstance pi = start(requester, "risk-escalation", risk);
    assertThat(context(pi)).contains("Project: " + project.code() + " · " + project.name(), "Project manager: paula",
        "Sponsor: sam", "Current baseline: v1: budget 500,000.00 EUR, planned 2027-01-01 to 2028-06-30 (547 days)",
        "Risk level: not assessed yet", "Raised by rita: “Our only supplier of sensors is in trouble”");

    complete(manager, pi.getId(), Map.of("probability", 4, "impact", 4, "monetaryImpact", 100000,
        "assessmentComment", "Two suppliers left"));
    assertThat(context(pi)).contains("Risk level: Critical (score 16 = probability 4 × impact 4, of 25)",
        "Monetary impact: 100,000.00 EUR", "Exposure (probability × monetary impact): 70,000.00 EUR",
        "Assessment (level Critical, score 16) by paula: “Two suppliers left”");

    complete(owner, pi.getId(), Map.of("responseStrategy", "transfer", "responsePlan", "Insure the deliveries",
        "dueDate", today().toString()));
    awaitTask(pi.getId(), "Task_ReportResidual");
    complete(owner, pi.getId(), Map.of("residualOutcome", "reassessed", "probability", 3, "impact", 4,
        "residualComment", "Insurance covers half"));
    awaitTask(pi.getId(), "Task_PmoReview");
    String review = context(pi);
    assertThat(review).contains("Risk level: High (score 12 = probability 3 × impact 4, of 25)",
        "Response: Transfer, due " + today() + ": Insure the deliveries", "Escalated to: the PMO (level 1)",
        "Residual assessment (level High, score 12) by otto: “Insurance covers half”", "Escalated to pmo (level 1)");
    assertThat(review.indexOf("Escalated to pmo")).as("newest first").isLessThan(review.indexOf("Raised by"));
  }

  @Test
  void anIssuesTasksShowTheSeverityTheOwnerAndTheEscalationWithItsReason() {
    ProcessInstance pi = start(requester, "issue-escalation", Map.of("projectId", projectId, "title",
        "Payroll run failed " + unique(), "description", "Seen at 09:12 by the service desk", "severity", "critical",
        "owner", owner));
    assertThat(context(pi)).contains(project.code() + " · " + project.name(), "Severity: Critical", "Owner: otto",
        "Raised by rita: “Seen at 09:12 by the service desk”");

    complete(manager, pi.getId(), Map.of("severity", "high", "owner", owner, "needsChange", false));
    Issue triaged = log.get(jdbc.sql("select id from issue where process_instance_id = :pi").param("pi", pi.getId())
        .query(Long.class).single());
    assertThat(context(pi)).contains("Severity: High", "Triaged by: paula",
        "Resolve by (SLA): " + triaged.dueAt().toLocalDate());

    passTime(timer(pi.getId(), IssueProcess.EVENT_SLA_BREACHED).getDuedate());
    awaitTask(pi.getId(), IssueProcess.TASK_PMO_REVIEW);
    assertThat(context(pi)).contains("Status: Escalated", "Escalated to pmo (level 1) by system: “not resolved within "
        + "the SLA of a HIGH issue");
  }

  @org.springframework.beans.factory.annotation.Autowired
  IssueLog log;

  /** The open task's context as a reader sees it: Markdown's escapes and emphasis removed. */
  private String context(ProcessInstance pi) {
    Object context = tasks.getVariableLocal(task(pi.getId()).getId(), Tasklist.CONTEXT.name());
    assertThat(context).as("caseContext").isInstanceOf(String.class);
    return ((String) context).replace("**", "").replaceAll("\\\\(.)", "$1");
  }
}
