package pmo.platform.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import pmo.platform.AuditAction;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;

/**
 * What the engine does that the audit trail must show, written as audit events in the engine's transaction: task
 * completions with their form data, DMN decisions with inputs, matched rules, outputs and the decision's version, and
 * deployments with who deployed which versions.
 */
final class EngineAudit implements DmnDecisionEvaluationListener, Deployer {

  /** The engine's own audit actions. */
  enum Event implements AuditAction {
    TASK_COMPLETED("TASK"), DECISION_EVALUATED("DECISION"), DEPLOYMENT_CREATED("DEPLOYMENT");

    private final String entityType;

    Event(String entityType) {
      this.entityType = entityType;
    }

    @Override
    public String entityType() {
      return entityType;
    }
  }

  private final Supplier<AuditLog> audit;

  EngineAudit(Supplier<AuditLog> audit) {
    this.audit = audit;
  }

  /** A user task was completed: who, which task, and the values of its form's fields. */
  void taskCompleted(DelegateTask task, List<String> formKeys) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("task", task.getTaskDefinitionKey());
    after.put("name", task.getName());
    after.put("processDefinition", task.getProcessDefinitionId());
    after.put("assignee", task.getAssignee());
    Map<String, Object> form = new LinkedHashMap<>();
    for (String key : formKeys) {
      Object value = task.getVariable(key);
      form.put(key, value == null ? null : value.toString());
    }
    after.put("formData", form);
    Object project = task.getVariable("projectId");
    audit.get().record(AuditEntry.created(Event.TASK_COMPLETED, task.getId(),
        project instanceof Number n ? n.longValue() : null, after).inTask(task.getId()));
  }

  @Override
  public void notify(DmnDecisionEvaluationEvent event) {
    DmnDecisionLogicEvaluationEvent result = event.getDecisionResult();
    Map<String, Object> after = new LinkedHashMap<>();
    String entityId = result.getDecision().getKey();
    after.put("decision", result.getDecision().getKey());
    after.put("name", result.getDecision().getName());
    if (result.getDecision() instanceof DecisionDefinition definition) {
      entityId = definition.getId();
      after.put("version", definition.getVersion());
      after.put("versionTag", definition.getVersionTag());
    }
    if (result instanceof DmnDecisionTableEvaluationEvent table) {
      Map<String, Object> inputs = new LinkedHashMap<>();
      table.getInputs().forEach(i -> inputs.put(i.getName() != null ? i.getName() : i.getInputVariable(),
          i.getValue() == null ? null : String.valueOf(i.getValue().getValue())));
      after.put("inputs", inputs);
      after.put("matchedRules", table.getMatchingRules().stream().map(r -> r.getId()).toList());
      after.put("outputs", table.getMatchingRules().stream().map(r -> {
        Map<String, Object> outputs = new LinkedHashMap<>();
        r.getOutputEntries().forEach((name, out) -> outputs.put(name,
            out.getValue() == null ? null : String.valueOf(out.getValue().getValue())));
        return outputs;
      }).toList());
    }
    audit.get().record(AuditEntry.created(Event.DECISION_EVALUATED, entityId, EngineContext.currentProjectId(), after));
  }

  /** Post-deployer: a new deployment, with the processes and decisions it created and their version tags. */
  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("name", deployment.getName());
    after.put("source", deployment.getSource());
    after.put("resources", deployment.getResources() == null ? List.of()
        : deployment.getResources().keySet().stream().sorted().toList());
    after.put("processes", deployment.getDeployedProcessDefinitions() == null ? List.of()
        : deployment.getDeployedProcessDefinitions().stream().map(EngineAudit::describe).toList());
    after.put("decisions", deployment.getDeployedDecisionDefinitions() == null ? List.of()
        : deployment.getDeployedDecisionDefinitions().stream()
            .map(d -> d.getKey() + " v" + d.getVersion() + tag(d.getVersionTag())).toList());
    audit.get().record(AuditEntry.created(Event.DEPLOYMENT_CREATED, deployment.getId(), null, after));
  }

  private static String describe(ProcessDefinition p) {
    return p.getKey() + " v" + p.getVersion() + tag(p.getVersionTag());
  }

  private static String tag(String versionTag) {
    return versionTag == null ? "" : " (" + versionTag + ")";
  }
}
