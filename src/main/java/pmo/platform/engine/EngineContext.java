package pmo.platform.engine;

import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;

/** The process instance the current engine command works on, if any; the only use of the engine's internal context. */
public final class EngineContext {

  private EngineContext() {
  }

  /** The {@code projectId} variable of the current execution (every process keeps its project there), if any. */
  public static Long currentProjectId() {
    BpmnExecutionContext context = Context.getBpmnExecutionContext();
    if (context == null || context.getExecution() == null) {
      return null;
    }
    Object value = context.getExecution().getVariable("projectId");
    return value instanceof Number n ? Long.valueOf(n.longValue()) : null;
  }

  public static boolean inCommand() {
    return Context.getCommandContext() != null;
  }

  /** Inside an engine command: the user the engine runs it for (null for none); outside: null. */
  public static String currentEngineUser() {
    if (!inCommand()) {
      return null;
    }
    var authentication = Context.getProcessEngineConfiguration().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  public static String currentProcessInstanceId() {
    BpmnExecutionContext context = Context.getBpmnExecutionContext();
    return context == null || context.getExecution() == null ? null : context.getExecution().getProcessInstanceId();
  }
}
