package pmo.issue;

import static pmo.issue.IssueProcess.CHANGE_DESCRIPTION;
import static pmo.issue.IssueProcess.DUE_DATE;
import static pmo.issue.IssueProcess.NEEDS_CHANGE;
import static pmo.issue.IssueProcess.OWNER;
import static pmo.issue.IssueProcess.PMO_COMMENT;
import static pmo.issue.IssueProcess.PMO_DECISION;
import static pmo.issue.IssueProcess.PROJECT_MANAGER;
import static pmo.issue.IssueProcess.RAISED_BY;
import static pmo.issue.IssueProcess.RESOLUTION;
import static pmo.issue.IssueProcess.SEVERITY;
import static pmo.issue.IssueProcess.STEERING_COMMENT;
import static pmo.issue.IssueProcess.STEERING_DECISION;
import static pmo.platform.engine.Tasklist.SUBJECT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import pmo.notice.Confirmations;
import pmo.notice.Confirmations.Confirmation;
import pmo.notice.Text;

/**
 * The Java steps of processes/issue-escalation.bpmn. Each finds its issue by the process instance it runs in (never
 * by a variable: README, "Governance that cannot be bypassed"), reads the form through {@link IssueProcess}, calls an issue service and writes back
 * what a gateway or a later form needs.
 */
@Configuration(proxyBeanMethods = false)
class IssueSteps {

  @Bean
  JavaDelegate recordIssue(IssueService issues, Confirmations confirmations) {
    return execution -> {
      Issue issue = issues.record(IssueProcess.draft(execution), execution.getProcessInstanceId());
      execution.setProcessBusinessKey(issue.code());
      RAISED_BY.setIfChanged(execution, issue.raisedBy());
      OWNER.setIfChanged(execution, issue.owner());
      SEVERITY.setIfChanged(execution, issue.severity());
      String manager = issues.projectManager(issue.projectId());
      PROJECT_MANAGER.set(execution, manager);
      SUBJECT.set(execution, "Issue " + issue.code() + ": " + issue.title());
      confirmations.confirm(new Confirmation(Text.of("case.issue"), issue.code(), issue.title(), issue.raisedBy(),
          issue.projectId(), manager != null ? Text.of("waits.issueTriage", manager)
              : Text.of("waits.issueTriage.anyManager")));
    };
  }

  @Bean
  JavaDelegate recordIssueTriage(IssueService issues) {
    return execution -> {
      boolean needsChange = Boolean.TRUE.equals(NEEDS_CHANGE.get(execution));
      Issue issue = issues.triage(issueOf(issues, execution), SEVERITY.get(execution), OWNER.get(execution),
          needsChange, CHANGE_DESCRIPTION.get(execution));
      NEEDS_CHANGE.set(execution, needsChange);
      SEVERITY.set(execution, issue.severity());
      OWNER.set(execution, issue.owner());
    };
  }

  @Bean
  JavaDelegate requestIssueChange(IssueService issues) {
    return execution -> issues.requestChange(issueOf(issues, execution));
  }

  @Bean
  JavaDelegate recordIssueResolution(IssueService issues) {
    return execution -> issues.resolve(issueOf(issues, execution), RESOLUTION.get(execution));
  }

  /**
   * Version 1.0.0 of issue-escalation.bpmn named its escalation steps so; its instances that still run keep working
   * through this (from 1.1.0 they are {@code ${escalateCase}}, with the same input parameters). Remove once no
   * instance of 1.0.0 runs.
   */
  @Bean
  JavaDelegate escalateIssue(@Qualifier("escalateCase") JavaDelegate escalateCase) {
    return escalateCase::execute;
  }

  @Bean
  JavaDelegate recordIssuePmoDecision(IssueService issues, IssueEscalationService escalations) {
    return execution -> {
      long id = issueOf(issues, execution);
      escalations.decideAsPmo(id, PMO_DECISION.get(execution), PMO_COMMENT.get(execution), RESOLUTION.get(execution),
          OWNER.get(execution), DUE_DATE.get(execution));
      OWNER.set(execution, issues.get(id).owner());
    };
  }

  @Bean
  JavaDelegate recordIssueSteeringDecision(IssueService issues, IssueEscalationService escalations) {
    return execution -> {
      long id = issueOf(issues, execution);
      escalations.decideAsSteering(id, STEERING_DECISION.get(execution), STEERING_COMMENT.get(execution),
          OWNER.get(execution), DUE_DATE.get(execution));
      OWNER.set(execution, issues.get(id).owner());
    };
  }

  private static long issueOf(IssueService issues, DelegateExecution execution) {
    return issues.idOfProcess(execution.getProcessInstanceId());
  }
}
