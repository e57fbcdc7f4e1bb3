package pmo.platform.engine;

import java.util.Map;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.stereotype.Component;

/**
 * What the system does as a consequence of a user's action, not as that user's own act: look-ups for validation,
 * the lifecycle a registration starts, the issue a materialised risk becomes, the processes of a cancelled project
 * that end. The user may have no right to do these themselves, so they run without authorization checks, in the
 * caller's transaction; the user stays authenticated, so the audit trail still names them.
 */
@Component
public class SystemActions {

  private final RuntimeService runtime;
  private final CommandExecutor commandExecutor;

  public SystemActions(RuntimeService runtime, ProcessEngineConfiguration configuration) {
    this.runtime = runtime;
    this.commandExecutor = ((ProcessEngineConfigurationImpl) configuration).getCommandExecutorTxRequired();
  }

  /** Runs engine calls without authorization checks; returns their result. */
  public <T> T call(Callable<T> engineCalls) {
    return commandExecutor.execute(context -> context.runWithoutAuthorization(engineCalls));
  }

  /** Starts a process instance; returns its id. */
  public String startProcess(String processKey, String businessKey, Map<String, Object> variables) {
    return call(() -> runtime.startProcessInstanceByKey(processKey, businessKey, variables).getId());
  }

  /** Deletes the instance with the reason (kept in the history); an instance that has already ended is left alone. */
  public void endProcess(String processInstanceId, String reason) {
    if (processInstanceId == null) {
      return;
    }
    call(() -> {
      if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
        runtime.deleteProcessInstance(processInstanceId, reason);
      }
      return null;
    });
  }
}
