package pmo.platform.engine;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import pmo.platform.FieldError;
import pmo.platform.InvalidInputException;

/** Applies a start form's rules to the variables a process is started with, however it is started. */
final class StartFormListener implements ExecutionListener {

  private final DeployedForms forms;

  StartFormListener(DeployedForms forms) {
    this.forms = forms;
  }

  @Override
  public void notify(DelegateExecution execution) {
    var process = ((ExecutionEntity) execution).getProcessDefinition();
    forms.ofStart(Context.getCommandContext(), process).ifPresent(form -> {
      List<FieldError> errors = form.validate(execution.getVariables());
      if (!errors.isEmpty()) {
        throw new InvalidInputException(errors);
      }
    });
  }
}
