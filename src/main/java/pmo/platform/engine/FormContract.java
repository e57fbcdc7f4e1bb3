package pmo.platform.engine;

import static pmo.platform.engine.CommandFields.field;
import static pmo.platform.engine.CommandFields.read;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractProcessInstanceModificationCommand;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import pmo.platform.FieldError;
import pmo.platform.ForbiddenActionException;
import pmo.platform.InvalidInputException;
import pmo.platform.NotFoundException;
import pmo.platform.Roles;

/**
 * <b>The form is the contract</b> (README, "Governance that cannot be bypassed"): a command interceptor of the engine, so it applies to every way in
 * (Tasklist, the engine REST API, Java). For a user (not the system, not an administrator):
 * <ul>
 *   <li>starting a process or completing a task (complete, resolve, submit-form) accepts the fields of that start
 *   event's or task's Camunda Form and nothing else; a read-only field may only be sent back unchanged; text may
 *   not hold control characters or more than the engine's 4000 characters. Anything else is rejected naming the
 *   variable (400), before the engine does anything;</li>
 *   <li>process variables are never written outside completing a task: setting, patching or removing variables, and
 *   the commands that inject variables or move tokens (start at chosen activities, modification, restart, messages,
 *   signals, conditional starts) are refused (403).</li>
 * </ul>
 * The system (the job executor, start-up code, {@link SystemActions}) and members of {@code camunda-admin} are not
 * held to it. The command classes keep their inputs in protected fields; they are read here by reflection, and a
 * missing field fails the start of the application ({@link #FIELDS}), not silently.
 *
 * <p>Longer than 200 lines: the start and task checks and the list of refused commands are one boundary, read together.
 */
final class FormContract extends CommandInterceptor {

  private static final Class<?> OWNER = FormContract.class;

  /** Longest text the engine stores in a variable (ACT_RU_VARIABLE.TEXT_). */
  static final int MAX_TEXT = 4000;

  private static final Map<Class<?>, Field> FIELDS = Map.of(
      CompleteTaskCmd.class, field(CompleteTaskCmd.class, "variables", OWNER),
      SubmitTaskFormCmd.class, field(SubmitTaskFormCmd.class, "properties", OWNER),
      SubmitStartFormCmd.class, field(SubmitStartFormCmd.class, "variables", OWNER),
      StartProcessInstanceCmd.class, field(StartProcessInstanceCmd.class, "instantiationBuilder", OWNER));
  private static final Field COMPLETE_TASK_ID = field(CompleteTaskCmd.class, "taskId", OWNER);
  private static final Field SUBMIT_TASK_ID = field(SubmitTaskFormCmd.class, "taskId", OWNER);
  private static final Field START_FORM_DEFINITION = field(SubmitStartFormCmd.class, "processDefinitionId", OWNER);

  /** Commands that write variables or move tokens outside the forms: only the system and administrators. */
  private static final List<Class<?>> REFUSED = List.of(AbstractSetVariableCmd.class, AbstractRemoveVariableCmd.class,
      AbstractPatchVariablesCmd.class, SetVariablesToProcessInstancesBatchCmd.class,
      StartProcessInstanceAtActivitiesCmd.class, AbstractProcessInstanceModificationCommand.class,
      ProcessInstanceModificationCmd.class, ModifyProcessInstanceAsyncCmd.class,
      ProcessInstanceModificationBatchCmd.class, AbstractRestartProcessInstanceCmd.class,
      AbstractCorrelateMessageCmd.class, CorrelateAllMessageBatchCmd.class, MessageEventReceivedCmd.class,
      SignalEventReceivedCmd.class, SignalCmd.class, EvaluateStartConditionCmd.class);

  private final DeployedForms forms;

  FormContract(DeployedForms forms) {
    this.forms = forms;
  }

  @Override
  public <T> T execute(Command<T> command) {
    CommandContext context = Context.getCommandContext();
    if (context != null && heldToContract(context)) {
      check(command, context);
    }
    return next.execute(command);
  }

  /** A user acting for themselves: authorization checks on, an authenticated user, not an administrator. */
  static boolean heldToContract(CommandContext context) {
    if (!context.isAuthorizationCheckEnabled()) {
      return false;
    }
    Authentication user = context.getAuthentication();
    return user != null && user.getUserId() != null
        && (user.getGroupIds() == null || !user.getGroupIds().contains(Roles.ADMIN));
  }

  private void check(Command<?> command, CommandContext context) {
    for (Class<?> refused : REFUSED) {
      if (refused.isInstance(command)) {
        throw new ForbiddenActionException("Process variables are written only by completing a task with its form,"
            + " and processes move only by their own steps: " + command.getClass().getSimpleName()
            + " is for the system and administrators");
      }
    }
    if (command instanceof CompleteTaskCmd complete) {
      checkTask(context, (String) read(COMPLETE_TASK_ID, complete), variables(read(fieldOf(complete), complete)));
    } else if (command instanceof SubmitTaskFormCmd submit) {
      checkTask(context, (String) read(SUBMIT_TASK_ID, submit), variables(read(fieldOf(submit), submit)));
    } else if (command instanceof SubmitStartFormCmd submit) {
      String definitionId = (String) read(START_FORM_DEFINITION, submit);
      checkStart(context, context.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedProcessDefinitionById(definitionId), variables(read(fieldOf(submit), submit)));
    } else if (command instanceof StartProcessInstanceCmd start) {
      ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) read(fieldOf(start), start);
      checkStart(context, definitionOf(context, builder), variables(builder.getVariables()));
    }
  }

  /** The task a completion is for; {@code null} for any other command. */
  static String taskOf(Command<?> command) {
    if (command instanceof CompleteTaskCmd complete) {
      return (String) read(COMPLETE_TASK_ID, complete);
    }
    return command instanceof SubmitTaskFormCmd submit ? (String) read(SUBMIT_TASK_ID, submit) : null;
  }

  private void checkTask(CommandContext context, String taskId, Map<String, Object> submitted) {
    if (submitted.isEmpty()) {
      return;
    }
    TaskEntity task = context.runWithoutAuthorization(() -> context.getTaskManager().findTaskById(taskId));
    if (task == null) {
      return; // the engine answers "task not found" itself
    }
    Optional<FormSchema> form = forms.ofTask(context, task);
    List<FieldError> errors = errors(form, submitted, task::getVariable, "task '" + task.getName() + "'");
    if (!errors.isEmpty()) {
      // whoever may not work the task at all hears that first (403), not what they sent (400); otherwise the engine
      // checks it itself as it completes the task
      context.getProcessEngineConfiguration().getCommandCheckers().forEach(checker -> checker.checkTaskWork(task));
      throw new InvalidInputException(errors);
    }
  }

  private void checkStart(CommandContext context, ProcessDefinitionEntity process, Map<String, Object> submitted) {
    if (process == null || submitted.isEmpty()) {
      return;
    }
    List<FieldError> errors = errors(forms.ofStart(context, process), submitted, name -> null,
        "the start form of '" + (process.getName() == null ? process.getKey() : process.getName()) + "'");
    if (!errors.isEmpty()) {
      // whoever may not start the process at all hears that first (403), not what they sent (400); otherwise the
      // engine checks it itself as it starts the process
      context.getProcessEngineConfiguration().getCommandCheckers()
          .forEach(checker -> checker.checkCreateProcessInstance(process));
      throw new InvalidInputException(errors);
    }
  }

  private static List<FieldError> errors(Optional<FormSchema> form, Map<String, Object> submitted,
      java.util.function.Function<String, Object> current, String where) {
    List<FieldError> errors = new ArrayList<>();
    for (Map.Entry<String, Object> entry : submitted.entrySet()) {
      String name = entry.getKey();
      Object value = entry.getValue() instanceof TypedValue typed ? typed.getValue() : entry.getValue();
      if (form.isEmpty() || !form.get().has(name)) {
        errors.add(new FieldError(name, "is not a field of " + where));
      } else if (form.get().isReadOnly(name) && !same(value, current.apply(name))) {
        errors.add(new FieldError(name, "is read-only in " + where + " and cannot be changed"));
      } else if (value instanceof String text) {
        if (text.length() > MAX_TEXT && !form.get().isList(name)) {
          errors.add(new FieldError(name, "must be at most " + MAX_TEXT + " characters"));
        } else if (text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
          errors.add(new FieldError(name, "must not contain control characters"));
        }
      }
    }
    return errors;
  }

  /** Whether a value sent back for a read-only field is the one shown (forms send numbers and dates as they like). */
  private static boolean same(Object submitted, Object shown) {
    if (submitted == null || (submitted instanceof String s && s.isEmpty())) {
      return shown == null || (shown instanceof String t && t.isEmpty());
    }
    if (shown == null) {
      return false;
    }
    if (submitted instanceof Number a && shown instanceof Number b) {
      return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
    }
    return Objects.equals(String.valueOf(submitted), String.valueOf(shown));
  }

  private static ProcessDefinitionEntity definitionOf(CommandContext context, ProcessInstantiationBuilderImpl builder) {
    var cache = context.getProcessEngineConfiguration().getDeploymentCache();
    if (builder.getProcessDefinitionId() != null) {
      return cache.findDeployedProcessDefinitionById(builder.getProcessDefinitionId());
    }
    ProcessDefinitionEntity latest = context.runWithoutAuthorization(
        () -> cache.findDeployedLatestProcessDefinitionByKey(builder.getProcessDefinitionKey()));
    if (latest == null) {
      throw new NotFoundException("process", builder.getProcessDefinitionKey());
    }
    return latest;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> variables(Object map) {
    return map == null ? Map.of() : Variables.fromMap((Map<String, Object>) map);
  }

  private static Field fieldOf(Object command) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      Field field = FIELDS.get(type);
      if (field != null) {
        return field;
      }
    }
    throw new IllegalStateException("no variables field known for " + command.getClass());
  }
}
