package pmo.platform.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import pmo.platform.ConflictException;
import pmo.platform.FieldError;
import pmo.platform.InvalidInputException;
import pmo.platform.SegregationOfDutiesException;

/**
 * Added to every user task of every process by {@link GovernanceParseListener}; the one place that enforces
 *
 * <ul>
 *   <li>the <b>four-eyes rule</b>: a task with the extension property {@code fourEyes} (a comma-separated list of
 *   roles on the case, such as {@code requester}) can be neither claimed nor completed by the users who hold them;
 *   who holds a role is read from the stored case ({@link CaseParties}), never from a process variable;</li>
 *   <li>the task's <b>Camunda Form rules</b> on completion ({@link FormSchema}), whoever completes it and however;</li>
 *   <li>the case's <b>subject</b> ({@link Tasklist#SUBJECT}) copied onto the task when it is created: Tasklist reads the
 *   variables of its cards with the user's authorizations, and a user who may work a task without reading its process
 *   instance (a project manager, a sponsor) sees only the task's own variables;</li>
 *   <li>the case's <b>context</b> ({@link Tasklist#CONTEXT}) put on the task when it is created, from the stored case
 *   ({@link CaseContexts}), for the form to show read-only.</li>
 * </ul>
 *
 * <p>Longer than 200 lines: these four rules act on the same task events (create, assignment, complete) and share the
 * case look-up; one listener keeps their order on each event in one place.
 */
final class GovernanceTaskListener implements TaskListener {

  static final String FOUR_EYES_PROPERTY = "fourEyes";
  /** The engine's column for a task's name (ACT_RU_TASK.NAME_) holds 255 characters. */
  static final int NAME_LENGTH = 255;

  private final EngineAudit audit;
  private final DeployedForms forms;
  private final CaseRegistry cases;
  private final Map<String, List<String>> fourEyes = new java.util.concurrent.ConcurrentHashMap<>();

  GovernanceTaskListener(EngineAudit audit, DeployedForms forms, CaseRegistry cases) {
    this.audit = audit;
    this.forms = forms;
    this.cases = cases;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getEventName() == null) {
      // the engine names no event when the task's execution vanished under it: another transaction completed the
      // task (or ended its case) a moment ago; nothing is checked, so nothing may go on
      throw new ConflictException("Task '" + task.getName() + "' was completed by someone else meanwhile");
    }
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> {
        showSubject(task);
        nameByCase(task);
        showContext(task);
        hideFromParties(task);
      }
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

  /**
   * The case's context for whoever works the task ({@link CaseContexts}), read from the stored case now, so it holds
   * the decisions made up to this task. Task-local, like the subject: the task's workers may not read the instance.
   */
  private void showContext(DelegateTask task) {
    String context = cases.context(((TaskEntity) task).getProcessDefinition().getKey(), task);
    if (context != null) {
      task.setVariableLocal(Tasklist.CONTEXT.name(), context);
    }
  }

  /**
   * A task's name starts with its case's reference, the process instance's business key ({@code CR-3 Assess impact}):
   * Tasklist's cards and its "My tasks" list show the name first and cut the rest, so four "Assess impact" tasks of
   * four requests are told apart by their first word, and the requester's next task names the reference the
   * confirmation notice gave. Done here rather than in each model's {@code name} so that every process (and every
   * model a process owner deploys later) follows it, and Modeler and Cockpit keep drawing the plain step names.
   */
  static void nameByCase(DelegateTask task) {
    String reference = ((TaskEntity) task).getExecution() == null ? null
        : ((TaskEntity) task).getExecution().getProcessBusinessKey();
    String name = task.getName();
    if (reference == null || reference.isBlank() || name == null || name.startsWith(reference + " ")) {
      return;
    }
    String named = reference + " " + name;
    task.setName(named.length() > NAME_LENGTH ? named.substring(0, NAME_LENGTH) : named);
  }

  /**
   * The four-eyes rule before the click: the people the rule keeps from this task are not offered it. A revoke
   * authorization for each of them on this task (a user's authorization on one task precedes the grant its candidate
   * group receives) hides it from their task lists and Tasklist's "Tasks I can claim", and refuses a claim or
   * completion with 403 before any listener runs. The engine deletes it with the task. The check on assignment and
   * completion stays: administrators are not bound by authorizations.
   */
  private void hideFromParties(DelegateTask task) {
    List<String> roles = fourEyesRoles(task);
    if (roles.isEmpty()) {
      return;
    }
    CommandContext context = Context.getCommandContext();
    Map<String, String> parties = parties(task, roles);
    roles.stream().map(parties::get).filter(java.util.Objects::nonNull).distinct().forEach(user -> {
      // a user's grant precedes a revoke: a party the model named a candidate (the requester who verifies) is no
      // candidate of a task the rule keeps them from (the requester who implemented the change), and the grant the
      // engine made for that candidacy in this command (removing a candidacy leaves its grant) is dropped unwritten
      task.deleteCandidateUser(user);
      // a task the model assigns to one person (the requester who verifies) goes to its candidate groups instead
      // when the rule keeps that person from it
      if (user.equals(task.getAssignee())) {
        task.setAssignee(null);
      }
      context.getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class).stream()
          .filter(grant -> grant.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
              && user.equals(grant.getUserId()) && task.getId().equals(grant.getResourceId())
              && grant.getResourceType() == Resources.TASK.resourceType())
          .forEach(grant -> context.getDbEntityManager().delete(grant));
      AuthorizationEntity revoke = new AuthorizationEntity(Authorization.AUTH_TYPE_REVOKE);
      revoke.setUserId(user);
      revoke.setResource(Resources.TASK);
      revoke.setResourceId(task.getId());
      revoke.removePermission(Permissions.ALL);
      context.getAuthorizationManager().insert(revoke);
    });
  }

  /** Who holds which role on the task's case (the case's parties may answer more roles than asked). */
  private Map<String, String> parties(DelegateTask task, List<String> roles) {
    String processKey = ((TaskEntity) task).getProcessDefinition().getKey();
    return cases.parties(processKey, task.getProcessInstanceId(), roles);
  }

  private void checkFourEyes(DelegateTask task, String user, String action) {
    List<String> roles = fourEyesRoles(task);
    if (user == null || roles.isEmpty()) {
      return;
    }
    Map<String, String> parties = parties(task, roles);
    for (String role : roles) {
      if (user.equals(parties.get(role))) {
        throw new SegregationOfDutiesException("Four-eyes rule: " + user + " is the " + role + " of this "
            + "case and may not " + action + " task '" + task.getName() + "' (" + task.getTaskDefinitionKey() + ")");
      }
    }
  }

  /**
   * The roles the task's {@code fourEyes} property names (comma-separated), such as {@code requester}. Read from the
   * model once per process definition and task (a deployed definition never changes).
   */
  List<String> fourEyesRoles(DelegateTask task) {
    return fourEyes.computeIfAbsent(task.getProcessDefinitionId() + '#' + task.getTaskDefinitionKey(),
        k -> readFourEyesRoles(task));
  }

  static List<String> readFourEyesRoles(DelegateTask task) {
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
  private List<String> checkForm(DelegateTask task) {
    var found = forms.ofTask(Context.getCommandContext(), (TaskEntity) task);
    if (found.isEmpty()) {
      return List.of();
    }
    FormSchema schema = found.get();
    List<FieldError> errors = schema.validate(task.getVariables());
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return schema.keys();
  }
}
