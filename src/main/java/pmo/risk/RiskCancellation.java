package pmo.risk;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import pmo.project.ProjectCancelled;

/** A cancelled project's open risks are cancelled with the reason, in the cancelling transaction. */
@Component
class RiskCancellation {

  private final RiskService risks;

  RiskCancellation(RiskService risks) {
    this.risks = risks;
  }

  @EventListener
  void on(ProjectCancelled cancelled) {
    risks.cancelAll(cancelled.projectId(), cancelled.reason());
  }
}
