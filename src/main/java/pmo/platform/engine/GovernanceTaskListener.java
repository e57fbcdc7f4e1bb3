package pmo.platform.engine;

import pmo.platform.FieldError;
import pmo.platform.SegregationOfDutiesException;
import pmo.platform.InvalidInputException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * Added to every user task of every process by {@link GovernanceParseListener}; the one place that enforces
 *
 * <ul>
 *   <li>the <b>four-eyes rule</b>: a task with the extension property {@code fourEyes} (a comma-separated list of
 *   variables that hold user ids, such as {@code requester}) can be neither claimed nor completed by those users;</li>
 *   <li>the task's <b>Camunda Form rules</b> on completion ({@link FormSchema}), whoever completes it and however;</li>
 *   <li>the case's <b>subject</b> ({@link Tasklist#SUBJECT}) copied onto the task when it is created: Tasklist reads the
 *   variables of its cards with the user's authorizations, and a user who may work a task without reading its process
 *   instance (a project manager, a sponsor) sees only the task's own variables.</li>
 * </ul>
 */
final class GovernanceTaskListener implements TaskListener {

  static final String FOUR_EYES_PROPERTY = "fourEyes";

  private final EngineAudit audit;

  GovernanceTaskListener(EngineAudit audit) {
    this.audit = audit;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> showSubject(task);
      case EVENTNAME_ASSIGNMENT -> checkFourEyes(task, task.getAssignee(), "be assigned");
      case EVENTNAME_COMPLETE -> {
        checkFourEyes(task, actingUser(task), "complete");
        audit.taskCompleted(task, checkForm(task));
      }
      default -> { }
    }
  }

  private static void showSubject(DelegateTask task) {
    Object subject = task.getVariable(Tasklist.SUBJECT.name());
    if (subject != null) {
      task.setVariableLocal(Tasklist.SUBJECT.name(), subject);
    }
  }

  private static void checkFourEyes(DelegateTask task, String user, String action) {
    if (user == null) {
      return;
    }
    for (String variable : fourEyesVariables(task)) {
      Object owner = task.getVariable(variable);
      if (owner != null && user.equals(owner.toString())) {
        throw new SegregationOfDutiesException("Four-eyes rule: " + user + " is the " + variable + " of this "
            + "case and may not " + action + " task '" + task.getName() + "' (" + task.getTaskDefinitionKey() + ")");
      }
    }
  }

  private static List<String> fourEyesVariables(DelegateTask task) {
    UserTask model = task.getBpmnModelElementInstance();
    if (model == null || model.getExtensionElements() == null) {
      return List.of();
    }
    return model.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> FOUR_EYES_PROPERTY.equals(p.getCamundaName()) && p.getCamundaValue() != null)
        .map(CamundaProperty::getCamundaValue)
        .flatMap(v -> Arrays.stream(v.split(",")))
        .map(String::trim)
        .filter(v -> !v.isEmpty())
        .toList();
  }

  private static String actingUser(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication != null && authentication.getUserId() != null ? authentication.getUserId()
        : task.getAssignee();
  }

  /** Applies the task form's rules to the submitted values; returns the form's field keys. */
  private static List<String> checkForm(DelegateTask task) {
    UserTask model = task.getBpmnModelElementInstance();
    if (model == null || model.getCamundaFormRef() == null) {
      return List.of();
    }
    InputStream form = Context.getCommandContext().runWithoutAuthorization(
        () -> task.getProcessEngineServices().getFormService().getDeployedTaskForm(task.getId()));
    FormSchema schema = FormSchema.parse(form);
    List<FieldError> errors = schema.validate(task.getVariables());
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return schema.keys();
  }
}
