package pmo.stagegate;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import pmo.project.ProjectRegistered;

/**
 * Starts the standard lifecycle of every registered project, inside the registering transaction, so the registration
 * (an intake's last step, a PMO's REST call) and the lifecycle start commit or fail together. The start waits for the
 * end of that transaction (before its commit), so a project registered and moved to a later stage in one transaction
 * (the demo portfolio) starts its lifecycle in that stage.
 */
@Component
class LifecycleStarter {

  private final LifecycleService lifecycles;

  LifecycleStarter(LifecycleService lifecycles) {
    this.lifecycles = lifecycles;
  }

  @EventListener
  void projectRegistered(ProjectRegistered event) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      lifecycles.start(event.projectId());
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void beforeCommit(boolean readOnly) {
        lifecycles.start(event.projectId());
      }
    });
  }
}
