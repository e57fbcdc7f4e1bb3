package pmo.platform;

import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;

/** The process instance the current engine command works on, if any; the only use of the engine's internal context. */
public final class EngineContext {

  private EngineContext() {
  }

  public static String currentProcessInstanceId() {
    BpmnExecutionContext context = Context.getBpmnExecutionContext();
    return context == null || context.getExecution() == null ? null : context.getExecution().getProcessInstanceId();
  }
}
