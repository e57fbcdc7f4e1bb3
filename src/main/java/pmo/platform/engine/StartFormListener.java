package pmo.platform.engine;

import pmo.platform.FieldError;
import pmo.platform.InvalidInputException;
import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;

/** Applies a start form's rules to the variables a process is started with, however it is started. */
final class StartFormListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    InputStream form = Context.getCommandContext().runWithoutAuthorization(
        () -> execution.getProcessEngineServices().getFormService()
            .getDeployedStartForm(execution.getProcessDefinitionId()));
    List<FieldError> errors = FormSchema.parse(form).validate(execution.getVariables());
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
