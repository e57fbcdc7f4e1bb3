package pmo.issue;

import java.util.Date;
import org.springframework.stereotype.Component;
import pmo.escalation.EscalationService;

/**
 * The deadlines of issue-escalation.bpmn, read by its timers and task due dates ({@code ${issueDeadlines...}}) from
 * the issue log, so the process waits for exactly the times the tables hold: the resolve-by time (from the SLA of the
 * severity, pmo.issue.sla.*, or a reassignment) and the respond-by time of the latest escalation
 * (pmo.issue.escalation.*).
 */
@Component("issueDeadlines")
public class IssueDeadlines {

  private final IssueLog log;
  private final IssueService issues;
  private final EscalationService escalations;

  IssueDeadlines(IssueLog log, IssueService issues, EscalationService escalations) {
    this.log = log;
    this.issues = issues;
    this.escalations = escalations;
  }

  /** The resolve-by time of the issue that the process instance runs. */
  public Date resolveBy(String processInstanceId) {
    return Date.from(log.get(issues.idOfProcess(processInstanceId)).dueAt().toInstant());
  }

  /** The respond-by time of the latest escalation of the issue that the process instance runs. */
  public Date respondBy(String processInstanceId) {
    long issueId = issues.idOfProcess(processInstanceId);
    return Date.from(escalations.latest(IssueService.ENTITY, issueId)
        .orElseThrow(() -> new IllegalStateException("issue " + issueId + " has not been escalated"))
        .respondBy().toInstant());
  }
}
