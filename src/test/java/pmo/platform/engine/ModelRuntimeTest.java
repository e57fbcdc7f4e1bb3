package pmo.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.feel.api.FeelEngineBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import pmo.IntegrationTest;
import pmo.change.ChangeDeadlines;
import pmo.platform.Roles;

/**
 * Defense in depth behind the deployment guard, in the running application: the engine's expression manager resolves
 * the allowlisted beans and the delegates but no other bean of the context, whatever expression reaches it; the
 * allowlist names beans and methods that exist; decisions run FEEL only, and FEEL cannot call Java.
 */
class ModelRuntimeTest extends IntegrationTest {

  @Autowired
  ApplicationContext spring;

  ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  /** Evaluates an expression through the engine's own expression manager, as a model's expression would be. */
  Object evaluate(String expression) {
    ProcessEngineConfigurationImpl configuration = configuration();
    return configuration.getCommandExecutorTxRequired().execute(context -> configuration.getExpressionManager()
        .createExpression(expression).getValue(StartProcessVariableScope.getSharedInstance()));
  }

  @AfterEach
  void clearProbes() {
    System.clearProperty("pmo.feel.probe");
    System.clearProperty("pmo.feel.control");
  }

  @Test
  void theEngineResolvesTheAllowlistedBeansAndTheDelegates() {
    assertThat(configuration().getBeans()).isInstanceOf(ModelBeans.class);
    assertThat(evaluate("${changeDeadlines.reminderAfter()}"))
        .isEqualTo(spring.getBean(ChangeDeadlines.class).reminderAfter());
    assertThat(evaluate("${recordProposal}")).isInstanceOf(JavaDelegate.class);
    // the engine's functions are still there on the replaced expression manager
    assertThat(evaluate("${now()}")).isInstanceOf(Date.class);
    assertThat(evaluate("${currentUser()}")).isNull();
  }

  @Test
  void noOtherBeanOfTheApplicationIsReachableFromAnExpression() {
    String owner = user("owen", Roles.PROCESS_OWNERS);
    for (String bean : new String[] {"jdbcTemplate", "identityService", "runtimeService", "dataSource", "jdbcClient"}) {
      assertThat(spring.containsBean(bean)).as("the application has a bean " + bean).isTrue();
      assertThat(failureOf(() -> evaluate("${" + bean + "}"))).as(bean)
          .hasMessageContaining("Cannot resolve identifier '" + bean + "'");
    }
    Throwable grant = catchThrowable(() -> evaluate(HostileModels.GRANT.replace("owen", owner)));
    assertThat(grant).as("the escalation expression, had it been deployed").isNotNull();
    assertThat(identityService.createUserQuery().userId(owner).memberOfGroup(Roles.ADMIN).count()).isZero();
  }

  @Test
  void theAllowlistNamesBeansAndMethodsThatExist() {
    ModelBeans beans = (ModelBeans) configuration().getBeans();
    for (Map.Entry<String, Set<String>> entry : ModelExpressions.BEAN_METHODS.entrySet()) {
      assertThat(spring.containsBean(entry.getKey())).as(entry.getKey()).isTrue();
      Set<String> publicMethods = new HashSet<>();
      Arrays.stream(ModelBeans.typeOf(spring, entry.getKey()).getMethods())
          .filter(m -> Modifier.isPublic(m.getModifiers())).map(Method::getName).forEach(publicMethods::add);
      assertThat(publicMethods).as(entry.getKey()).containsAll(entry.getValue());
      assertThat(beans.names()).contains(entry.getKey());
    }
    assertThat(beans.names()).contains("recordProposal", "tallyBoardVotes", "escalateCase", "escalateIssue")
        .doesNotContain("jdbcTemplate", "identityService", "runtimeService");
    assertThat(beans.names()).allSatisfy(name -> assertThat(ModelExpressions.isCallableBean(name)
        || ModelExpressions.isDelegateType(ModelBeans.typeOf(spring, name))).as(name).isTrue());
  }

  /**
   * The start-up deployment skips unchanged files, so a started application does not prove the shipped models pass
   * the guard: they are checked here with the application's real beans.
   */
  @Test
  void theShippedModelsPassTheGuardWithTheApplicationsBeans() throws IOException {
    ExpressionChecker checker = new ExpressionChecker(name -> DeploymentGuard.kindOf(spring, name));
    for (Path file : ModelCheckTest.files(".bpmn")) {
      assertThat(ModelCheck.bpmn(file.getFileName().toString(), Files.readAllBytes(file), checker))
          .as(file.toString()).isEmpty();
    }
    for (Path file : ModelCheckTest.files(".dmn")) {
      assertThat(ModelCheck.dmn(file.getFileName().toString(), Files.readAllBytes(file))).as(file.toString())
          .isEmpty();
    }
  }

  @Test
  void decisionsRunFeelOnly() {
    DefaultDmnEngineConfiguration dmn = configuration().getDmnEngineConfiguration();
    assertThat(configuration().isDmnFeelEnableLegacyBehavior()).isFalse();
    assertThat(dmn.getDefaultInputExpressionExpressionLanguage()).satisfies(ModelCheck::isFeel);
    assertThat(dmn.getDefaultInputEntryExpressionLanguage()).satisfies(ModelCheck::isFeel);
    assertThat(dmn.getDefaultOutputEntryExpressionLanguage()).satisfies(ModelCheck::isFeel);
    assertThat(dmn.getDefaultLiteralExpressionLanguage()).satisfies(ModelCheck::isFeel);
  }

  /**
   * FEEL's "external functions" call Java ({@code function(...) external { java: ... }}). The control shows that the
   * expression does call System.setProperty where they are enabled; the application's DMN engine (Camunda's
   * feel-scala integration, which builds its FEEL engine with external functions off) does not run it, so even a
   * decision that got past the guard could not.
   */
  @Test
  void feelInTheApplicationsDecisionsCannotCallJava() {
    FeelEngineBuilder.forJava().withEnabledExternalFunctions(true).build()
        .evaluateExpression(HostileModels.EXTERNAL_FEEL.replace("pmo.feel.probe", "pmo.feel.control"), Map.of());
    assertThat(System.getProperty("pmo.feel.control")).as("control: FEEL with external functions on").isEqualTo("called");

    DmnEngine dmnEngine = configuration().getDmnEngine();
    String xml = HostileModels.DMN_LITERAL.formatted("feel_probe", HostileModels.EXTERNAL_FEEL);
    // inside a command, as the engine evaluates a business rule task (the decision transform reads the engine's config)
    Throwable failure = configuration().getCommandExecutorTxRequired().execute(context -> catchThrowable(() -> {
      DmnDecision decision = dmnEngine.parseDecision("feel_probe",
          new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
      dmnEngine.evaluateDecision(decision, Variables.createVariables());
    }));

    assertThat(failure).as("evaluating the external function fails").isNotNull()
        .hasMessageContaining("External functions are disabled");
    assertThat(System.getProperty("pmo.feel.probe")).as("the application's FEEL called Java (" + failure + ")")
        .isNull();
  }
}
