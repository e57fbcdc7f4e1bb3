package pmo.issue;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.stereotype.Component;

/**
 * Process instances that the system starts or ends as a consequence of a user's action, not as that user's own act:
 * the issue a materialised risk becomes, the risk and issue processes of a cancelled project. The user may have no
 * right to start or delete those instances, so these run without authorization checks, in the caller's transaction;
 * the user stays authenticated, so the issue's {@code raisedBy} and the audit trail still name them.
 */
@Component
public class SystemProcesses {

  private final RuntimeService runtime;
  private final CommandExecutor commandExecutor;

  SystemProcesses(RuntimeService runtime, ProcessEngineConfiguration configuration) {
    this.runtime = runtime;
    this.commandExecutor = ((ProcessEngineConfigurationImpl) configuration).getCommandExecutorTxRequired();
  }

  /** Starts a process instance; returns its id. */
  public String start(String processKey, Map<String, Object> variables) {
    return commandExecutor.execute(context -> context.runWithoutAuthorization(
        () -> runtime.startProcessInstanceByKey(processKey, variables).getId()));
  }

  /** Deletes the instance with the reason (kept in the history); an instance that has already ended is left alone. */
  public void end(String processInstanceId, String reason) {
    if (processInstanceId == null) {
      return;
    }
    commandExecutor.execute(context -> context.runWithoutAuthorization(() -> {
      if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
        runtime.deleteProcessInstance(processInstanceId, reason);
      }
      return null;
    }));
  }
}
