package pmo.issue;

import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The deadlines of issue-escalation.bpmn, read by its timers and task due dates ({@code ${issueDeadlines...}}) from
 * the issue log, so the process waits for exactly the times the tables hold: the resolve-by time (from the SLA of the
 * severity, pmo.issue.sla.*, or a reassignment) and the respond-by time of the latest escalation
 * (pmo.issue.escalation.*).
 */
@Component("issueDeadlines")
public class IssueDeadlines {

  private final IssueLog log;
  private final Escalations escalations;

  IssueDeadlines(IssueLog log, Escalations escalations) {
    this.log = log;
    this.escalations = escalations;
  }

  public Date resolveBy(long issueId) {
    return Date.from(log.get(issueId).dueAt().toInstant());
  }

  public Date respondBy(long issueId) {
    return Date.from(escalations.latest(IssueService.ENTITY, issueId)
        .orElseThrow(() -> new IllegalStateException("issue " + issueId + " has not been escalated"))
        .respondBy().toInstant());
  }
}
