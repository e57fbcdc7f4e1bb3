package pmo.platform.engine;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * Decisions are FEEL only: the deployment guard rejects any other expression language in a DMN file, and the engine's
 * defaults say so too (JUEL, the other default, reaches beans). One place, used by the engine and by the plain tests
 * of the decision tables, so both evaluate a table the same way.
 */
public final class DecisionLanguage {

  private DecisionLanguage() {
  }

  /** Sets every default expression language of a DMN engine configuration to FEEL; returns it. */
  public static DefaultDmnEngineConfiguration feelOnly(DefaultDmnEngineConfiguration dmn) {
    dmn.setDefaultInputExpressionExpressionLanguage(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE);
    dmn.setDefaultInputEntryExpressionLanguage(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE);
    dmn.setDefaultOutputEntryExpressionLanguage(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE);
    dmn.setDefaultLiteralExpressionLanguage(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE);
    return dmn;
  }
}
