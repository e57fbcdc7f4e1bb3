package pmo.issue;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import pmo.project.ProjectCancelled;

/** A cancelled project's open issues are cancelled with the reason, in the cancelling transaction. */
@Component
class IssueCancellation {

  private final IssueService issues;

  IssueCancellation(IssueService issues) {
    this.issues = issues;
  }

  @EventListener
  void on(ProjectCancelled cancelled) {
    issues.cancelAll(cancelled.projectId(), cancelled.reason());
  }
}
