package pmo.platform.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * What an expression in a deployed model may reach, declared in one place. Process owners deploy models, not code
 * (DESIGN §4a): the Spring Boot starter's expression manager would otherwise let {@code ${anyBean.anyMethod()}} reach
 * the whole application context. The {@link DeploymentGuard} rejects every expression that steps outside this list
 * ({@link ExpressionChecker}); the engine's expression manager sees only these beans ({@link ModelBeans}); the README's
 * "What an expression may contain" lists the same and a test keeps the two equal.
 *
 * <p>Anything else an expression may hold: literals, operators ({@code == != < > <= >= && || ! empty + - * / % ?:}),
 * parentheses and the names of process variables.
 */
final class ModelExpressions {

  /** Beans a model may call, and the only methods it may call on each (read from processes/*.bpmn). */
  static final Map<String, Set<String>> BEAN_METHODS = Map.ofEntries(
      Map.entry("changeBoard", Set.of("voters")),
      Map.entry("changeDeadlines", Set.of("reminderAfter", "escalateAfter")),
      Map.entry("noticeDelivery", Set.of("retryCycle")),
      Map.entry("riskDeadlines", Set.of("responseDue", "reportDeadline", "decisionDeadline")),
      Map.entry("issueDeadlines", Set.of("resolveBy", "respondBy")),
      Map.entry("portfolioSchedule", Set.of("cycle")),
      Map.entry("improvementDeadlines", Set.of("reminderAt", "escalateAt")),
      Map.entry("standardsReviewSchedule", Set.of("cycle")),
      Map.entry("standardsReviewItems", Set.of("of")),
      Map.entry("trainingSchedule", Set.of("expiryCheck")),
      Map.entry("performanceDeadlines", Set.of("reportCycle", "dueAt", "remindAt", "escalateAt", "periodicReports")));

  /** Camunda's built-in functions a model may use, as plain values ({@code ${now()}}, not {@code ${now().x}}). */
  static final Set<String> FUNCTIONS = Set.of("currentUser", "currentUserGroups", "now", "dateTime");

  /**
   * Objects the engine puts into every expression (the execution, the task, the decision result of a business rule
   * task). They give access to the whole engine ({@code execution.getProcessEngineServices()}), so a model may use only
   * these properties and methods of them, never the object itself.
   */
  static final Map<String, Set<String>> ENGINE_PROPERTIES = Map.of(
      "execution", Set.of("processBusinessKey", "processInstanceId", "id"),
      "task", Set.of("id"));

  /** Methods of the engine's objects a model may call (their arguments are checked like any expression). */
  static final Map<String, Set<String>> ENGINE_METHODS = Map.of(
      "execution", Set.of("hasVariable"),
      "decisionResult", Set.of("getSingleResult", "getSingleEntry"));

  /**
   * Calls whose result is the map of a decision's outputs: a model may read an output by name from it
   * ({@code ${decisionResult.getSingleResult().escalateTo}}).
   */
  static final Set<String> OUTPUT_MAPS = Set.of("decisionResult.getSingleResult");

  /** Names the engine resolves to its own objects before any variable or bean. */
  static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "externalTask", "caseExecution",
      "decisionResult");

  /** What a delegate bean implements: the engine calls it, the model only names it. */
  static final List<Class<?>> DELEGATE_TYPES = List.of(JavaDelegate.class, TaskListener.class,
      ExecutionListener.class);

  private ModelExpressions() {
  }

  /**
   * A delegate bean: one of the application's own classes ({@code pmo..}) that the engine can call as a service task,
   * task listener or execution listener. A model may name it as a whole in {@code camunda:delegateExpression}
   * ({@code ${recordProposal}}) and nowhere else.
   */
  static boolean isDelegateType(Class<?> type) {
    return type != null && type.getName().startsWith("pmo.")
        && DELEGATE_TYPES.stream().anyMatch(delegate -> delegate.isAssignableFrom(type));
  }

  /** A bean with methods on the allowlist. */
  static boolean isCallableBean(String name) {
    return BEAN_METHODS.containsKey(name);
  }
}
