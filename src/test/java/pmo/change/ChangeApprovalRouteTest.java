package pmo.change;

import static org.assertj.core.api.Assertions.assertThat;

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
      "emergency, 0,     0,     none,  EMERGENCY",
      "emergency, 80,    80,    major, EMERGENCY",
      // standard changes: pre-approved up to 10 % and without a major quality impact, else routed as normal ones
      "standard,  0,     0,     none,  PRE_APPROVED",
      "standard,  10,    10,    minor, PRE_APPROVED",
      "standard,  10.01, 0,     none,  BOARD",
      "standard,  0,     10.01, none,  BOARD",
      "standard,  1,     1,     major, BOARD_AND_STEERING",
      "standard,  20.01, 0,     none,  BOARD_AND_STEERING",
      // normal changes: PMO up to 5 %, board above 5 %, board and steering above 20 % or with a major quality impact
      "normal,    0,     0,     none,  PMO",
      "normal,    5,     5,     minor, PMO",
      "normal,    5.01,  0,     none,  BOARD",
      "normal,    0,     5.01,  none,  BOARD",
      "normal,    20,    20,    minor, BOARD",
      "normal,    20.01, 0,     none,  BOARD_AND_STEERING",
      "normal,    0,     20.01, none,  BOARD_AND_STEERING",
      "normal,    0,     0,     major, BOARD_AND_STEERING",
  })
  void routesEachBand(String type, double costPct, double schedulePct, String quality, String route) {
    Object result = TABLES.evaluate(ChangeRequestProcess.ROUTE_DECISION, Map.of(
        "changeType", type, "costDeltaPct", costPct, "scheduleDeltaPct", schedulePct, "qualityImpact", quality))
        .getSingleResult().getSingleEntry();
    assertThat(result).isEqualTo(route);
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
