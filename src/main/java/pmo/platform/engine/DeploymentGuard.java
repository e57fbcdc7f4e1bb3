package pmo.platform.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.cmmn.deployer.CmmnDeployer;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.deployer.DecisionDefinitionDeployer;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.springframework.context.ApplicationContext;

/**
 * Guards process owners against deploying a flow that cannot run or that runs more than the flow. Runs inside every
 * new deployment, before the engine parses it, whatever the way in (Camunda Modeler through
 * {@code /engine-rest/deployment/create}, Java, the start-up deployment), and rejects the whole deployment with one
 * problem per fault, each naming the file and the element id: an expression outside {@link ModelExpressions}, a
 * script, connector, Java class or loaded resource, a decision in another language than FEEL, a CMMN case
 * ({@link ModelCheck}); a delegate bean that does not exist, a form, decision or called process that neither the
 * deployment nor the engine has, a candidate group that does not exist, a user task without form or without anybody
 * to work it, a process or decision without {@code historyTimeToLive}.
 *
 * <p>Longer than 200 lines: one short check per fault listed above, run over one parsed deployment.
 */
final class DeploymentGuard implements Deployer {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ExpressionChecker expressions;

  DeploymentGuard(ApplicationContext spring) {
    this(new ExpressionChecker(name -> kindOf(spring, name)));
  }

  DeploymentGuard(ExpressionChecker expressions) {
    this.expressions = expressions;
  }

  /** What a name in an expression would resolve to among the application's beans. */
  static ExpressionChecker.BeanKind kindOf(ApplicationContext spring, String name) {
    if (!spring.containsBean(name)) {
      return ExpressionChecker.BeanKind.NONE;
    }
    return ModelExpressions.isDelegateType(ModelBeans.typeOf(spring, name)) ? ExpressionChecker.BeanKind.DELEGATE
        : ExpressionChecker.BeanKind.OTHER;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    Collection<ResourceEntity> resources = deployment.getResources() == null ? List.of()
        : deployment.getResources().values();
    Set<String> forms = new HashSet<>();
    Set<String> decisions = new HashSet<>();
    Set<String> processes = new HashSet<>();
    List<Fault> faults = new ArrayList<>();
    List<ParsedBpmn> bpmns = new ArrayList<>();
    for (ResourceEntity resource : resources) {
      String name = resource.getName();
      String lower = name.toLowerCase(Locale.ROOT);
      // the engine's own endings (it matches them case-sensitively and without a dot: x.mybpmn is BPMN to it)
      boolean dmnFile = endsWithAny(lower, DecisionDefinitionDeployer.DMN_RESOURCE_SUFFIXES);
      boolean bpmnFile = endsWithAny(lower, BpmnDeployer.BPMN_RESOURCE_SUFFIXES);
      // outside the try below: a check that fails must reject the file, not let it through unchecked
      if (dmnFile) {
        faults.addAll(ModelCheck.dmn(name, resource.getBytes()));
      } else if (bpmnFile) {
        faults.addAll(ModelCheck.bpmn(name, resource.getBytes(), expressions));
      } else if (endsWithAny(lower, CmmnDeployer.CMMN_RESOURCE_SUFFIXES)) {
        faults.add(new Fault(name, null, "CMMN cases are not allowed: model the flow in BPMN"));
      }
      try {
        if (lower.endsWith(".form")) {
          forms.add(JSON.readTree(resource.getBytes()).path("id").asText());
        } else if (dmnFile) {
          DmnModelInstance dmn = Dmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()));
          for (Decision decision : dmn.getModelElementsByType(Decision.class)) {
            decisions.add(decision.getId());
            if (blank(decision.getCamundaHistoryTimeToLiveString())) {
              faults.add(new Fault(name, decision.getId(), "decision '" + decision.getId()
                  + "' has no camunda:historyTimeToLive"));
            }
          }
        } else if (bpmnFile) {
          BpmnModelInstance bpmn = Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()));
          bpmn.getModelElementsByType(Process.class).forEach(p -> processes.add(p.getId()));
          bpmns.add(new ParsedBpmn(name, bpmn));
        }
      } catch (RuntimeException | java.io.IOException unreadable) {
        // not readable as a model: the engine's own parser reports it with line and column
      }
    }
    CommandContext command = Context.getCommandContext();
    Predicate<String> formExists = key -> forms.contains(key)
        || command.runWithoutAuthorization(() -> command.getCamundaFormDefinitionManager()
            .findLatestDefinitionByKey(key)) != null;
    Predicate<String> decisionExists = key -> decisions.contains(key)
        || command.runWithoutAuthorization(() -> command.getDecisionDefinitionManager()
            .findLatestDecisionDefinitionByKey(key)) != null;
    Predicate<String> processExists = key -> processes.contains(key)
        || command.runWithoutAuthorization(() -> command.getProcessDefinitionManager()
            .findLatestProcessDefinitionByKey(key)) != null;
    Predicate<String> groupExists = id -> command.runWithoutAuthorization(
        () -> command.getReadOnlyIdentityProvider().findGroupById(id)) != null;

    for (ParsedBpmn parsed : bpmns) {
      check(parsed, formExists, decisionExists, processExists, groupExists, faults);
    }
    if (!faults.isEmpty()) {
      String message = "Deployment '" + deployment.getName() + "' rejected: " + faults.stream()
          .map(Fault::toString).collect(Collectors.joining("; "));
      throw new ParseException(message, faults.get(0).resource(), List.copyOf(faults), List.of());
    }
  }

  private void check(ParsedBpmn parsed, Predicate<String> formExists, Predicate<String> decisionExists,
      Predicate<String> processExists, Predicate<String> groupExists, List<Fault> faults) {
    String file = parsed.resource();
    BpmnModelInstance model = parsed.model();
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.isExecutable() && blank(process.getCamundaHistoryTimeToLiveString())) {
        faults.add(new Fault(file, process.getId(), "process '" + process.getId()
            + "' has no camunda:historyTimeToLive"));
      }
      if (SystemJobs.TYPE.equals(process.getId())) {
        // the system jobs' key guards them: who may act on a process of that key would act on every system job
        faults.add(new Fault(file, process.getId(), "process id '" + SystemJobs.TYPE + "' is reserved for the"
            + " system's jobs"));
      }
    }
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      String ref = task.getCamundaDecisionRef();
      if (ref != null && !isExpression(ref) && !decisionExists.test(ref)) {
        faults.add(new Fault(file, task.getId(), "decision '" + ref + "' is neither in this deployment nor deployed"));
      }
    }
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      String ref = call.getCalledElement();
      if (ref != null && !isExpression(ref) && !processExists.test(ref)) {
        faults.add(new Fault(file, call.getId(), "called process '" + ref
            + "' is neither in this deployment nor deployed"));
      }
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      checkForm(file, start, start.getCamundaFormRef(), formExists, faults);
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (task.getCamundaFormRef() == null && task.getCamundaFormKey() == null) {
        faults.add(new Fault(file, task.getId(), "user task has no form (camunda:formRef)"));
      }
      checkForm(file, task, task.getCamundaFormRef(), formExists, faults);
      String groups = task.getCamundaCandidateGroups();
      if (blank(groups) && blank(task.getCamundaAssignee()) && blank(task.getCamundaCandidateUsers())) {
        faults.add(new Fault(file, task.getId(), "user task names no candidate group, candidate user or assignee"));
      }
      if (!blank(groups)) {
        Arrays.stream(groups.split(",")).map(String::trim)
            .filter(g -> !g.isEmpty() && !isExpression(g) && !groupExists.test(g))
            .forEach(g -> faults.add(new Fault(file, task.getId(), "candidate group '" + g + "' does not exist")));
      }
    }
  }

  private static void checkForm(String file, BaseElement element, String formRef, Predicate<String> formExists,
      List<Fault> faults) {
    if (formRef != null && !isExpression(formRef) && !formExists.test(formRef)) {
      faults.add(new Fault(file, element.getId(), "form '" + formRef + "' is neither in this deployment nor deployed"));
    }
  }

  private static boolean endsWithAny(String name, String[] suffixes) {
    return Arrays.stream(suffixes).anyMatch(suffix -> name.endsWith(suffix.toLowerCase(Locale.ROOT)));
  }

  private static boolean isExpression(String value) {
    return ExpressionChecker.isExpression(value);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private record ParsedBpmn(String resource, BpmnModelInstance model) {
  }

  /** One fault: the file, the element id and what is wrong. */
  record Fault(String resource, String elementId, String problem) implements Problem {

    @Override
    public String getMessage() {
      return toString();
    }

    @Override
    public int getLine() {
      return 0;
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public String getMainElementId() {
      return elementId;
    }

    @Override
    public List<String> getElementIds() {
      return elementId == null ? List.of() : List.of(elementId);
    }

    @Override
    public String toString() {
      return resource + (elementId == null ? "" : " [" + elementId + "]") + ": " + problem;
    }
  }
}
