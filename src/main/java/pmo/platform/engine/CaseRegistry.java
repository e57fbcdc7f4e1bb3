package pmo.platform.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@link CaseParties} and {@link CaseContexts} of every capability, by process key. The capabilities' beans need the engine, so they are
 * collected when first asked, not when the engine is built.
 */
final class CaseRegistry {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CaseRegistry.class);

  private final Supplier<List<CaseParties>> all;
  private final Supplier<List<CaseContexts>> allContexts;
  private volatile Map<String, CaseParties> byProcess;
  private volatile Map<String, CaseContexts> contextsByProcess;

  CaseRegistry(Supplier<List<CaseParties>> all, Supplier<List<CaseContexts>> contexts) {
    this.all = all;
    this.allContexts = contexts;
  }

  /** The context of the case of a task's process instance for the task; null when its process has none. */
  String context(String processKey, org.camunda.bpm.engine.delegate.DelegateTask task) {
    Map<String, CaseContexts> known = contextsByProcess;
    if (known == null) {
      known = new HashMap<>();
      for (CaseContexts contexts : allContexts.get()) {
        for (String key : contexts.processKeys()) {
          known.put(key, contexts);
        }
      }
      contextsByProcess = known;
    }
    CaseContexts contexts = known.get(processKey);
    if (contexts == null) {
      return null;
    }
    try {
      return contexts.describe(task);
    } catch (org.springframework.dao.DataAccessException e) {
      throw e; // the transaction may be unusable now (PostgreSQL aborts it): the step fails as a whole
    } catch (RuntimeException e) {
      // the context informs a decision, it is none: a case it cannot describe still goes on, and its form says so
      LOG.warn("No context for task {} ({}) of process instance {}", task.getId(), task.getTaskDefinitionKey(),
          task.getProcessInstanceId(), e);
      return "The context of this case could not be read (" + e.getClass().getSimpleName() + ").";
    }
  }

  /**
   * The holders of {@code roles} on the case of a process instance. A role that the process's cases do not know is a
   * modelling error and fails the task (better than a four-eyes rule that silently checks nothing).
   */
  Map<String, String> parties(String processKey, String processInstanceId, List<String> roles) {
    CaseParties parties = byProcess().get(processKey);
    List<String> unknown = roles.stream().filter(r -> parties == null || !parties.roles().contains(r)).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalStateException("the four-eyes rule names " + unknown + ", which the cases of process '"
          + processKey + "' do not know" + (parties == null ? "" : " (they know " + parties.roles() + ")"));
    }
    return parties.parties(processInstanceId);
  }

  /** Whether the cases of a process know a role (the deployment guard checks four-eyes rules with it). */
  boolean knows(String processKey, String role) {
    CaseParties parties = byProcess().get(processKey);
    return parties != null && parties.roles().contains(role);
  }

  private Map<String, CaseParties> byProcess() {
    Map<String, CaseParties> known = byProcess;
    if (known == null) {
      known = new HashMap<>();
      for (CaseParties parties : all.get()) {
        for (String key : parties.processKeys()) {
          known.put(key, parties);
        }
      }
      byProcess = known;
    }
    return known;
  }
}
