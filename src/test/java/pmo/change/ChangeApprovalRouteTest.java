package pmo.change;

import static org.assertj.core.api.Assertions.assertThat;
import static pmo.change.ChangeRequestProcess.CHANGE_TYPE;
import static pmo.change.ChangeRequestProcess.COST_DELTA_PCT;
import static pmo.change.ChangeRequestProcess.QUALITY_IMPACT;
import static pmo.change.ChangeRequestProcess.ROUTE;
import static pmo.change.ChangeRequestProcess.SCHEDULE_DELTA_PCT;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pmo.DecisionTables;

/**
 * The routing table processes/change-approval-route.dmn, evaluated by the standalone DMN engine (FEEL, as the
 * application configures it; no Spring context) at each edge of each
 * threshold (pre-approval 10 %, PMO up to 5 %, board above 5 %, board and steering above 20 % or major quality).
 */
class ChangeApprovalRouteTest {

  private static final DecisionTables TABLES = DecisionTables.of("change-approval-route.dmn");

  @ParameterizedTest(name = "{0}, cost {1} %, schedule {2} %, quality {3} -> {4}")
  @CsvSource({
      // emergencies are always expedited, whatever their size
      "EMERGENCY, 0,     0,     NONE,  EMERGENCY",
      "EMERGENCY, 80,    80,    MAJOR, EMERGENCY",
      // standard changes: pre-approved up to 10 % and without a major quality impact, else routed as normal ones
      "STANDARD,  0,     0,     NONE,  PRE_APPROVED",
      "STANDARD,  10,    10,    MINOR, PRE_APPROVED",
      "STANDARD,  10.01, 0,     NONE,  BOARD",
      "STANDARD,  0,     10.01, NONE,  BOARD",
      "STANDARD,  1,     1,     MAJOR, BOARD_AND_STEERING",
      "STANDARD,  20.01, 0,     NONE,  BOARD_AND_STEERING",
      // normal changes: PMO up to 5 %, board above 5 %, board and steering above 20 % or with a major quality impact
      "NORMAL,    0,     0,     NONE,  PMO",
      "NORMAL,    5,     5,     MINOR, PMO",
      "NORMAL,    5.01,  0,     NONE,  BOARD",
      "NORMAL,    0,     5.01,  NONE,  BOARD",
      "NORMAL,    20,    20,    MINOR, BOARD",
      "NORMAL,    20.01, 0,     NONE,  BOARD_AND_STEERING",
      "NORMAL,    0,     20.01, NONE,  BOARD_AND_STEERING",
      "NORMAL,    0,     0,     MAJOR, BOARD_AND_STEERING",
  })
  void routesEachBand(ChangeType type, double costPct, double schedulePct, QualityImpact quality, Route route) {
    // the inputs as the process holds them (the forms' values), the output read as the route step reads it
    Object result = TABLES.evaluate(ChangeRequestProcess.ROUTE_DECISION, Map.of(
        CHANGE_TYPE.name(), CHANGE_TYPE.raw(type), COST_DELTA_PCT.name(), costPct,
        SCHEDULE_DELTA_PCT.name(), schedulePct, QUALITY_IMPACT.name(), QUALITY_IMPACT.raw(quality)))
        .getSingleResult().getSingleEntry();
    assertThat(ROUTE.get(Map.of(ROUTE.name(), result))).isEqualTo(route);
  }

  /** The DMN's inputs: absolute percentages of the current baseline, rounded up to two decimals. */
  @ParameterizedTest(name = "{0} of {1} -> {2} %")
  @CsvSource({
      "5000,   100000, 5.00",
      "5001,   100000, 5.01",
      "-5000,  100000, 5.00",
      "20000,  100000, 20.00",
      "20001,  100000, 20.01",
      "0,      0,      0.00",
      "1,      0,      100.00",
      "5,      100,    5.00",
      "-21,    100,    21.00",
  })
  void percentagesOfTheBaseline(String delta, String base, String percent) {
    assertThat(ChangeRequestChecks.percent(new BigDecimal(delta), new BigDecimal(base)))
        .isEqualByComparingTo(percent);
  }
}
