package pmo.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pmo.DecisionTables;

/**
 * Both decision tables of the risk process, evaluated by the standalone DMN engine (no Spring context), at every
 * edge: each band of
 * risk-level.dmn on both sides of its edges and every cell of the 5×5 matrix; every trigger × level of
 * risk-escalation-level.dmn.
 */
class RiskDecisionTablesTest {

  private static final DecisionTables LEVEL = DecisionTables.of("risk-level.dmn");
  private static final DecisionTables ESCALATION = DecisionTables.of("risk-escalation-level.dmn");

  @ParameterizedTest(name = "probability {0} × impact {1} = {2}: {3}")
  @CsvSource({
      "1, 1,  1, LOW",
      "2, 2,  4, LOW",      // top of LOW
      "1, 4,  4, LOW",
      "1, 5,  5, MEDIUM",   // bottom of MEDIUM
      "5, 1,  5, MEDIUM",
      "2, 3,  6, MEDIUM",
      "3, 3,  9, MEDIUM",   // top of MEDIUM
      "2, 5, 10, HIGH",     // bottom of HIGH
      "5, 2, 10, HIGH",
      "3, 4, 12, HIGH",
      "3, 5, 15, HIGH",     // top of HIGH
      "5, 3, 15, HIGH",
      "4, 4, 16, CRITICAL", // bottom of CRITICAL
      "4, 5, 20, CRITICAL",
      "5, 5, 25, CRITICAL", // top of CRITICAL
  })
  void riskLevelBands(int probability, int impact, int score, RiskLevel level) {
    assertThat(probability * impact).isEqualTo(score);
    assertThat(level(probability, impact)).isEqualTo(level);
  }

  @Test
  void everyCellOfTheMatrixHasExactlyOneLevel() {
    String[][] expected = {
        // impact 1 .. 5
        {"LOW", "LOW", "LOW", "LOW", "MEDIUM"},                 // probability 1
        {"LOW", "LOW", "MEDIUM", "MEDIUM", "HIGH"},             // probability 2
        {"LOW", "MEDIUM", "MEDIUM", "HIGH", "HIGH"},            // probability 3
        {"LOW", "MEDIUM", "HIGH", "CRITICAL", "CRITICAL"},      // probability 4
        {"MEDIUM", "HIGH", "HIGH", "CRITICAL", "CRITICAL"}};    // probability 5
    for (int p = 1; p <= 5; p++) {
      for (int i = 1; i <= 5; i++) {
        assertThat(level(p, i)).as("probability %d, impact %d", p, i)
            .isEqualTo(RiskLevel.valueOf(expected[p - 1][i - 1]));
      }
    }
  }

  @ParameterizedTest(name = "score {0}×{1} is outside the matrix: no level")
  @CsvSource({"0, 3", "1, 0", "6, 5", "13, 2"})
  void scoresOutsideTheMatrixHaveNoLevel(int probability, int impact) {
    DmnDecisionTableResult result = LEVEL.evaluate(RiskProcess.LEVEL_DECISION,
        Variables.createVariables().putValue("probability", probability).putValue("impact", impact));
    assertThat(result.getResultList()).isEmpty();
  }

  @ParameterizedTest(name = "{0} at {1}: {2}, level {3}, {4}")
  @CsvSource({
      "residual,       LOW,      none,               0, RESIDUAL_TOLERABLE",
      "residual,       MEDIUM,   none,               0, RESIDUAL_TOLERABLE",
      "residual,       HIGH,     pmo,                1, RESIDUAL_STILL_HIGH",
      "residual,       CRITICAL, pmo,                1, RESIDUAL_STILL_HIGH",
      "report-overdue, LOW,      pmo,                1, REPORT_OVERDUE",
      "report-overdue, MEDIUM,   pmo,                1, REPORT_OVERDUE",
      "report-overdue, HIGH,     pmo,                1, REPORT_OVERDUE",
      "report-overdue, CRITICAL, steering-committee, 2, REPORT_OVERDUE_CRITICAL",
      "review-overdue, LOW,      steering-committee, 2, REVIEW_OVERDUE",
      "review-overdue, MEDIUM,   steering-committee, 2, REVIEW_OVERDUE",
      "review-overdue, HIGH,     steering-committee, 2, REVIEW_OVERDUE",
      "review-overdue, CRITICAL, steering-committee, 2, REVIEW_OVERDUE",
      "pmo-escalated,  LOW,      steering-committee, 2, ESCALATED_BY_PMO",
      "pmo-escalated,  MEDIUM,   steering-committee, 2, ESCALATED_BY_PMO",
      "pmo-escalated,  HIGH,     steering-committee, 2, ESCALATED_BY_PMO",
      "pmo-escalated,  CRITICAL, steering-committee, 2, ESCALATED_BY_PMO",
  })
  void escalationByTriggerAndLevel(String trigger, String level, String escalateTo, int escalationLevel,
      String rule) {
    DmnDecisionTableResult result = escalation(trigger, level);
    assertThat(result.getResultList()).hasSize(1);
    assertThat(result.getSingleResult().getEntryMap()).isEqualTo(Map.of(
        "escalateTo", escalateTo, "escalationLevel", escalationLevel, "escalationRule", rule));
  }

  @Test
  void anUnknownTriggerEscalatesNowhere() {
    assertThat(escalation("weather", "CRITICAL").getResultList()).isEmpty();
  }

  /** The level as the process reads the table's output (its result variable). */
  private RiskLevel level(int probability, int impact) {
    DmnDecisionTableResult result = LEVEL.evaluate(RiskProcess.LEVEL_DECISION,
        Variables.createVariables().putValue("probability", probability).putValue("impact", impact));
    assertThat(result.getResultList()).as("exactly one rule matches").hasSize(1);
    return RiskProcess.RISK_LEVEL.get(Map.of(RiskProcess.RISK_LEVEL.name(), result.getSingleEntry()));
  }

  private DmnDecisionTableResult escalation(String trigger, String level) {
    return ESCALATION.evaluate(RiskProcess.ESCALATION_DECISION,
        Variables.createVariables().putValue("escalationTrigger", trigger).putValue("riskLevel", level));
  }
}
