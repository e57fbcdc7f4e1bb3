package pmo.issue;

import static pmo.issue.IssueProcess.CHANGE_DESCRIPTION;
import static pmo.issue.IssueProcess.DESCRIPTION;
import static pmo.issue.IssueProcess.DUE_DATE;
import static pmo.issue.IssueProcess.ESCALATE_TO;
import static pmo.issue.IssueProcess.ESCALATION_LEVEL;
import static pmo.issue.IssueProcess.ESCALATION_REASON;
import static pmo.issue.IssueProcess.ESCALATION_TRIGGER;
import static pmo.issue.IssueProcess.ISSUE_ID;
import static pmo.issue.IssueProcess.NEEDS_CHANGE;
import static pmo.issue.IssueProcess.OWNER;
import static pmo.issue.IssueProcess.PMO_COMMENT;
import static pmo.issue.IssueProcess.PMO_DECISION;
import static pmo.issue.IssueProcess.PROJECT_ID;
import static pmo.issue.IssueProcess.PROJECT_MANAGER;
import static pmo.issue.IssueProcess.RAISED_BY;
import static pmo.issue.IssueProcess.RAISED_FROM_RISK_ID;
import static pmo.issue.IssueProcess.RESOLUTION;
import static pmo.issue.IssueProcess.SEVERITY;
import static pmo.issue.IssueProcess.STEERING_COMMENT;
import static pmo.issue.IssueProcess.STEERING_DECISION;
import static pmo.issue.IssueProcess.TITLE;
import static pmo.platform.engine.Tasklist.SUBJECT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The issue process's service tasks: each reads its variables, calls {@link IssueService}, writes the result. */
final class IssueDelegates {

  private IssueDelegates() {
  }

  @Component("recordIssue")
  static class RecordIssue implements JavaDelegate {

    private final IssueService issues;

    RecordIssue(IssueService issues) {
      this.issues = issues;
    }

    @Override
    public void execute(DelegateExecution execution) {
      NewIssue draft = new NewIssue(PROJECT_ID.get(execution), TITLE.get(execution), DESCRIPTION.get(execution),
          SEVERITY.get(execution), OWNER.get(execution), RAISED_FROM_RISK_ID.get(execution));
      Issue issue = issues.record(draft, RAISED_BY.get(execution), execution.getProcessInstanceId());
      ISSUE_ID.set(execution, issue.id());
      SEVERITY.set(execution, issue.severity().value());
      PROJECT_MANAGER.set(execution, issues.projectManager(issue.projectId()));
      SUBJECT.set(execution, "Issue " + issue.code() + ": " + issue.title());
    }
  }

  @Component("recordIssueTriage")
  static class RecordTriage implements JavaDelegate {

    private final IssueService issues;

    RecordTriage(IssueService issues) {
      this.issues = issues;
    }

    @Override
    public void execute(DelegateExecution execution) {
      boolean needsChange = Boolean.TRUE.equals(NEEDS_CHANGE.get(execution));
      Issue issue = issues.triage(ISSUE_ID.require(execution), SEVERITY.get(execution), OWNER.get(execution),
          needsChange, CHANGE_DESCRIPTION.get(execution));
      NEEDS_CHANGE.set(execution, needsChange);
      SEVERITY.set(execution, issue.severity().value());
    }
  }

  @Component("requestIssueChange")
  static class RequestChange implements JavaDelegate {

    private final IssueService issues;

    RequestChange(IssueService issues) {
      this.issues = issues;
    }

    @Override
    public void execute(DelegateExecution execution) {
      issues.requestChange(ISSUE_ID.require(execution));
    }
  }

  @Component("recordIssueResolution")
  static class RecordResolution implements JavaDelegate {

    private final IssueService issues;

    RecordResolution(IssueService issues) {
      this.issues = issues;
    }

    @Override
    public void execute(DelegateExecution execution) {
      issues.resolve(ISSUE_ID.require(execution), RESOLUTION.get(execution));
    }
  }

  /** Every escalation step; its input parameters say why, to whom and at which level it escalates. */
  @Component("escalateIssue")
  static class Escalate implements JavaDelegate {

    private final IssueEscalationService issues;

    Escalate(IssueEscalationService issues) {
      this.issues = issues;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Escalation escalation = issues.escalate(ISSUE_ID.require(execution), ESCALATION_TRIGGER.require(execution),
          ESCALATE_TO.require(execution), ESCALATION_LEVEL.require(execution), PMO_COMMENT.get(execution));
      ESCALATION_REASON.set(execution, escalation.reason());
    }
  }

  @Component("recordIssuePmoDecision")
  static class RecordPmoDecision implements JavaDelegate {

    private final IssueEscalationService issues;

    RecordPmoDecision(IssueEscalationService issues) {
      this.issues = issues;
    }

    @Override
    public void execute(DelegateExecution execution) {
      issues.decideAsPmo(ISSUE_ID.require(execution), PMO_DECISION.get(execution), PMO_COMMENT.get(execution),
          RESOLUTION.get(execution), OWNER.get(execution), DUE_DATE.get(execution));
    }
  }

  @Component("recordIssueSteeringDecision")
  static class RecordSteeringDecision implements JavaDelegate {

    private final IssueEscalationService issues;

    RecordSteeringDecision(IssueEscalationService issues) {
      this.issues = issues;
    }

    @Override
    public void execute(DelegateExecution execution) {
      issues.decideAsSteering(ISSUE_ID.require(execution), STEERING_DECISION.get(execution),
          STEERING_COMMENT.get(execution), OWNER.get(execution), DUE_DATE.get(execution));
    }
  }
}
