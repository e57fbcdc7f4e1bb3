package pmo.platform.engine;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.form.handler.DefaultFormHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import pmo.platform.TransactionCache;

/**
 * The Camunda Form of a user task or a start event, as deployed, parsed once per form version: a deployed form never
 * changes (a changed form is a new version with a new id), so the parsed schema is kept by the form definition's id.
 * Resolving which version applies (binding {@code latest}, {@code deployment} or {@code version}) is one look-up in the
 * engine's tables, once per transaction (the form contract and the task listener both ask for the form of a task
 * being completed); the JSON is read and parsed only the first time a version is seen.
 */
final class DeployedForms {

  private final Map<String, FormSchema> parsed = new ConcurrentHashMap<>();
  private final TransactionCache cache;

  DeployedForms(TransactionCache cache) {
    this.cache = cache;
  }

  /** The form of a task; empty when the task has no Camunda Form (then it accepts no variables). */
  Optional<FormSchema> ofTask(CommandContext context, TaskEntity task) {
    if (task.getTaskDefinition() == null) {
      return Optional.empty();
    }
    ProcessDefinitionEntity process = task.getProcessDefinition();
    return resolve(context, task.getTaskDefinition().getFormDefinition(),
        process == null ? null : process.getDeploymentId(), task);
  }

  /** The start form of a process definition; empty when it has none. */
  Optional<FormSchema> ofStart(CommandContext context, ProcessDefinitionEntity process) {
    return resolve(context, process.getStartFormDefinition(), process.getDeploymentId(), null);
  }

  private Optional<FormSchema> resolve(CommandContext context, FormDefinition form, String deploymentId,
      VariableScope scope) {
    if (form == null || form.getCamundaFormDefinitionKey() == null) {
      return Optional.empty();
    }
    String key = text(form.getCamundaFormDefinitionKey(), scope);
    String binding = form.getCamundaFormDefinitionBinding();
    String version = DefaultFormHandler.FORM_REF_BINDING_VERSION.equals(binding)
        ? text(form.getCamundaFormDefinitionVersion(), scope) : null;
    Map<String, FormSchema> resolved = cache.of("deployed_forms");
    String lookup = binding + '|' + key + '|' + version + '|' + deploymentId;
    FormSchema known = resolved.get(lookup);
    if (known != null) {
      return Optional.of(known);
    }
    CamundaFormDefinitionEntity definition = context.runWithoutAuthorization(() -> {
      var forms = context.getCamundaFormDefinitionManager();
      if (DefaultFormHandler.FORM_REF_BINDING_DEPLOYMENT.equals(binding)) {
        return forms.findDefinitionByDeploymentAndKey(deploymentId, key);
      }
      if (DefaultFormHandler.FORM_REF_BINDING_VERSION.equals(binding)) {
        return forms.findDefinitionByKeyVersionAndTenantId(key, Integer.valueOf(version), null);
      }
      return forms.findLatestDefinitionByKey(key);
    });
    if (definition == null) {
      throw new IllegalStateException("form '" + key + "' (binding " + binding + ") is not deployed");
    }
    FormSchema schema = parsed.computeIfAbsent(definition.getId(), id -> {
      ResourceEntity resource = context.runWithoutAuthorization(() -> context.getResourceManager()
          .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName()));
      return FormSchema.parse(new ByteArrayInputStream(resource.getBytes()));
    });
    resolved.put(lookup, schema);
    return Optional.of(schema);
  }

  private static String text(Expression expression, VariableScope scope) {
    if (expression == null) {
      return null;
    }
    return scope == null ? expression.getExpressionText() : String.valueOf(expression.getValue(scope));
  }
}
