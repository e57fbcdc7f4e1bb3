package pmo.issue;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import pmo.escalation.Escalation;
import pmo.escalation.EscalationKind;
import pmo.platform.Viewer;
import pmo.platform.engine.CaseContexts;
import pmo.platform.engine.ContextText;
import pmo.project.ProjectContextLines;

/**
 * What every task of an issue shows above its form (issue 10 point 4), read from the stored issue and its escalations
 * when the task is created: the project and its baseline, the severity, owner, SLA due time and status, and the
 * earlier steps (raised, change requested, escalations with their reasons, resolution) with who and when.
 */
@Component
class IssueContext implements CaseContexts {

  private final IssueRepository issues;
  private final IssueLog log;
  private final ProjectContextLines project;

  IssueContext(IssueRepository issues, IssueLog log, ProjectContextLines project) {
    this.issues = issues;
    this.log = log;
    this.project = project;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(IssueProcess.KEY);
  }

  @Override
  public String describe(DelegateTask task) {
    return issues.idOfProcess(task.getProcessInstanceId()).map(id -> describe(log.details(id, Viewer.SYSTEM))).orElse(null);
  }

  private String describe(IssueLog.IssueDetails details) {
    Issue issue = details.issue();
    ContextText text = project.addTo(new ContextText().heading(issue.code() + " · " + issue.title()),
            issue.projectId())
        .line("Severity", issue.severity() == null ? null : ContextText.word(issue.severity().name()))
        .line("Triaged by", issue.triagedBy())
        .line("Owner", issue.owner())
        .line("Resolve by (SLA)", issue.dueAt() == null ? null : issue.dueAt().toLocalDate() + " "
            + issue.dueAt().toLocalTime().withNano(0).withSecond(0))
        .line("Raised from risk", issue.raisedFromRiskId() == null ? null : "R-" + issue.raisedFromRiskId())
        .line("Status", ContextText.word(issue.status().name()));
    text.decision(issue.createdAt(), "Raised", issue.raisedBy(), issue.description());
    if (issue.changeRequestedAt() != null) {
      text.decision(issue.changeRequestedAt(), "Change requested", null, issue.changeDescription());
    }
    for (Escalation e : details.escalations()) {
      text.decision(e.escalatedAt(), e.kind() == EscalationKind.REMINDER ? "Reminder"
          : "Escalated to " + e.escalatedTo() + " (level " + e.level() + ")", e.escalatedBy(), e.reason());
    }
    if (issue.resolvedAt() != null) {
      text.decision(issue.resolvedAt(), "Resolved", issue.resolvedBy(), issue.resolution());
    }
    return text.text();
  }
}
