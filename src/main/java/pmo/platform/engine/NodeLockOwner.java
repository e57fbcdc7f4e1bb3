package pmo.platform.engine;

import java.util.UUID;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.stereotype.Component;

/**
 * With several nodes on one database, the lock on a job ({@code ACT_RU_JOB.LOCK_OWNER_}) names the node that holds it:
 * the engine's host name (the {@code hostname} engine property, by default the node's address and the engine's name)
 * and a random part, so two nodes with the same host name still never share a lock owner. The engine's default is a
 * bare random id, which tells an operator nothing about whose jobs wait for a dead node's lock to expire.
 */
@Component
class NodeLockOwner extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    JobExecutor executor = configuration.getJobExecutor();
    if (executor != null) {
      String host = configuration.getHostname() == null ? "node" : configuration.getHostname();
      String owner = host + "/" + UUID.randomUUID();
      // LOCK_OWNER_ is varchar(255)
      executor.setLockOwner(owner.length() > 255 ? owner.substring(owner.length() - 255) : owner);
    }
  }
}
