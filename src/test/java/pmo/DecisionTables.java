package pmo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import pmo.platform.engine.DecisionLanguage;

/**
 * A decision table of {@code processes/}, evaluated by the standalone DMN engine configured as the application's
 * (FEEL only): the table-driven tests of the decision tables need no Spring context and no database.
 */
public final class DecisionTables {

  private static final DmnEngine ENGINE = DecisionLanguage.feelOnly(
      (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration()).buildEngine();

  private final Map<String, DmnDecision> decisions;

  private DecisionTables(Map<String, DmnDecision> decisions) {
    this.decisions = decisions;
  }

  /** The decisions of {@code processes/<file>}, by key. */
  public static DecisionTables of(String file) {
    try (InputStream dmn = DecisionTables.class.getResourceAsStream("/processes/" + file)) {
      if (dmn == null) {
        throw new IllegalArgumentException("no processes/" + file + " on the class path");
      }
      Map<String, DmnDecision> byKey = new java.util.HashMap<>();
      ENGINE.parseDecisions(dmn).forEach(d -> byKey.put(d.getKey(), d));
      return new DecisionTables(byKey);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public DmnDecisionTableResult evaluate(String key, Map<String, Object> variables) {
    DmnDecision decision = decisions.get(key);
    if (decision == null) {
      throw new IllegalArgumentException("no decision '" + key + "' in " + decisions.keySet());
    }
    return ENGINE.evaluateDecisionTable(decision, variables);
  }
}
