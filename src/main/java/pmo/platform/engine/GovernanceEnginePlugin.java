package pmo.platform.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import pmo.platform.AuditLog;
import pmo.platform.TransactionCache;

/**
 * Wires the governance rules into the engine (the starter picks up plugin beans): the parse listener that puts the
 * four-eyes rule, form validation and task auditing on every user task; the deployment guard; an expression manager
 * that sees only the beans of {@link ModelExpressions}; FEEL as the only language of decisions; the audit of
 * deployments and DMN decisions; the form pickers ({@link FormPickers}, options of every {@link FormOptions} bean);
 * and every {@link DmnDecisionEvaluationListener} bean of a capability (such beans must not need the engine themselves).
 */
@Component
class GovernanceEnginePlugin extends AbstractProcessEnginePlugin {

  private final ApplicationContext spring;
  private final EngineAudit audit;
  private final ObjectProvider<DmnDecisionEvaluationListener> decisionListeners;
  private final DeployedForms forms;
  private final CaseRegistry cases;
  private final FormPickers pickers;

  GovernanceEnginePlugin(ApplicationContext spring, ObjectProvider<AuditLog> audit,
      ObjectProvider<DmnDecisionEvaluationListener> decisionListeners, ObjectProvider<CaseParties> parties,
      ObjectProvider<CaseContexts> contexts, ObjectProvider<FormOptions> options, TransactionCache cache) {
    this.spring = spring;
    this.pickers = new FormPickers(() -> options.orderedStream().toList());
    this.forms = new DeployedForms(cache);
    this.decisionListeners = decisionListeners;
    this.cases = new CaseRegistry(() -> parties.orderedStream().toList(),
        () -> contexts.orderedStream().toList());
    // the audit service needs the engine, so it is looked up when first used, not when the engine is built
    this.audit = new EngineAudit(audit::getObject);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // the form is the contract: users start processes and complete tasks with their forms' fields only, and write no
    // variables otherwise (FormContract); the engine's own authorizations agree: whoever may work a task gets
    // TASK_WORK (claim, complete), not UPDATE (which would let them set variables or reassign), and writing a
    // variable needs the specific UPDATE_VARIABLE permission nobody but administrators has
    // each chain gets its own contract object: an interceptor holds the next one of its chain, so one object in two
    // chains would lead the first chain into the second one's rest and skip whatever follows it in the first
    addTo(configuration.getCustomPostCommandInterceptorsTxRequired(),
        configuration::setCustomPostCommandInterceptorsTxRequired, new FormContract(forms));
    addTo(configuration.getCustomPostCommandInterceptorsTxRequiresNew(),
        configuration::setCustomPostCommandInterceptorsTxRequiresNew, new FormContract(forms));
    // pickers, not ids: a fetched form's selects get their options (projects, people) for the signed-in user
    addTo(configuration.getCustomPostCommandInterceptorsTxRequired(),
        configuration::setCustomPostCommandInterceptorsTxRequired, pickers);
    // two people finishing tasks of one instance at once (board votes): the loser's completion is tried again
    addTo(configuration.getCustomPreCommandInterceptorsTxRequired(),
        configuration::setCustomPreCommandInterceptorsTxRequired, new CompletionRetry());
    configuration.setDefaultUserPermissionForTask(Permissions.TASK_WORK);
    configuration.setEnforceSpecificVariablePermission(true);
    // authorization checks without the per-command scan of every authorization's group (AuthorizedGroups)
    if (configuration.getCustomSessionFactories() == null) {
      configuration.setCustomSessionFactories(new ArrayList<>());
    }
    configuration.getCustomSessionFactories().add(new AuthorizedGroups.Factory());

    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new GovernanceParseListener(audit, forms, cases));

    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(new DeploymentGuard(spring));

    // models reach only the beans of ModelExpressions; the factory bean built its expression manager with the whole
    // application context before the plugins ran, so it is replaced by one that resolves names through this map only
    ModelBeans beans = new ModelBeans(spring);
    configuration.setBeans(beans);
    configuration.setExpressionManager(new SpringExpressionManager(spring, beans));
    if (configuration.getCustomPostDeployers() == null) {
      configuration.setCustomPostDeployers(new ArrayList<>());
    }
    configuration.getCustomPostDeployers().add(audit);

    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    if (dmn.getCustomPostDecisionEvaluationListeners() == null) {
      dmn.setCustomPostDecisionEvaluationListeners(new ArrayList<>());
    }
    dmn.getCustomPostDecisionEvaluationListeners().add(audit);
    // decisions are FEEL only (the guard rejects any other language); the defaults say so too, whatever a later
    // setting of the legacy behaviour would make of them (JUEL, which reaches beans)
    configuration.setDmnFeelEnableLegacyBehavior(false);
    DecisionLanguage.feelOnly(dmn);
    decisionListeners.orderedStream().forEach(dmn.getCustomPostDecisionEvaluationListeners()::add);
    configuration.setDmnEngineConfiguration(dmn);
  }

  private static <T> void addTo(List<T> list, java.util.function.Consumer<List<T>> setter, T item) {
    List<T> items = list == null ? new ArrayList<>() : list;
    items.add(item);
    setter.accept(items);
  }
}
