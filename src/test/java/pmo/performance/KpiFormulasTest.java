package pmo.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Every KPI formula against worked examples, with the edge cases: PV = 0, AC = 0, EV = BAC, a BAC changed by an
 * approved change request. Plain JUnit: the formulas are pure arithmetic.
 */
class KpiFormulasTest {

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  /**
   * Worked by hand from DESIGN.md §7: BAC 1,000, PV 500, EV 400, AC 500. SV = −100, CV = −100, SPI = CPI = 0.8;
   * EAC = 1,000 / 0.8 = 1,250 (typical), 500 + 600 = 1,100 (atypical), 500 + 600 / 0.64 = 1,437.50 (both);
   * ETC = 1,250 − 500 = 750; VAC = −250; TCPI = 600 / 500 = 1.2.
   */
  @Test
  void everyEarnedValueFormula() {
    EarnedValue kpi = EarnedValue.of(d("1000"), d("500"), d("400"), d("500"));
    assertThat(kpi.sv()).isEqualByComparingTo("-100");
    assertThat(kpi.cv()).isEqualByComparingTo("-100");
    assertThat(kpi.spi()).isEqualByComparingTo("0.8");
    assertThat(kpi.cpi()).isEqualByComparingTo("0.8");
    assertThat(kpi.eacTypical()).isEqualByComparingTo("1250");
    assertThat(kpi.eacAtypical()).isEqualByComparingTo("1100");
    assertThat(kpi.eacCombined()).isEqualByComparingTo("1437.50");
    assertThat(kpi.etc()).isEqualByComparingTo("750");
    assertThat(kpi.vac()).isEqualByComparingTo("-250");
    assertThat(kpi.tcpi()).isEqualByComparingTo("1.2");
  }

  /** A project under budget and ahead: BAC 200,000, PV 80,000, EV 90,000, AC 75,000. */
  @Test
  void aheadAndUnderBudget() {
    EarnedValue kpi = EarnedValue.of(d("200000"), d("80000"), d("90000"), d("75000"));
    assertThat(kpi.spi()).isEqualByComparingTo("1.125");
    assertThat(kpi.cpi()).isEqualByComparingTo("1.2");
    assertThat(kpi.eacTypical()).isEqualByComparingTo("166666.67");
    assertThat(kpi.eacCombined()).isEqualByComparingTo("156481.48"); // 75,000 + 110,000 / 1.35
    assertThat(kpi.vac()).isEqualByComparingTo("33333.33");
    assertThat(kpi.tcpi()).isEqualByComparingTo("0.8800"); // 110,000 / 125,000
  }

  /** Before the planned start PV is 0: SPI and the combined EAC are not defined; the rest is. */
  @Test
  void plannedValueZero() {
    EarnedValue kpi = EarnedValue.of(d("1000"), d("0"), d("50"), d("40"));
    assertThat(kpi.spi()).isNull();
    assertThat(kpi.eacCombined()).isNull();
    assertThat(kpi.sv()).isEqualByComparingTo("50");
    assertThat(kpi.cpi()).isEqualByComparingTo("1.25");
    assertThat(kpi.eacTypical()).isEqualByComparingTo("800");
  }

  /** Nothing spent yet: CPI and the typical and combined EAC are not defined; ETC and VAC use the atypical EAC. */
  @Test
  void actualCostZero() {
    EarnedValue kpi = EarnedValue.of(d("1000"), d("100"), d("0"), d("0"));
    assertThat(kpi.cpi()).isNull();
    assertThat(kpi.eacTypical()).isNull();
    assertThat(kpi.eacCombined()).isNull();
    assertThat(kpi.eacAtypical()).isEqualByComparingTo("1000");
    assertThat(kpi.etc()).isEqualByComparingTo("1000");
    assertThat(kpi.vac()).isEqualByComparingTo("0");
    assertThat(kpi.spi()).isEqualByComparingTo("0");
    assertThat(kpi.tcpi()).isEqualByComparingTo("1");
  }

  /** Spent something, earned nothing: CPI is 0, so no EAC divides by it. */
  @Test
  void earnedNothingButSpent() {
    EarnedValue kpi = EarnedValue.of(d("1000"), d("100"), d("0"), d("50"));
    assertThat(kpi.cpi()).isEqualByComparingTo("0");
    assertThat(kpi.eacTypical()).isNull();
    assertThat(kpi.eacCombined()).isNull();
    assertThat(kpi.eacAtypical()).isEqualByComparingTo("1050");
  }

  /** All work earned (EV = BAC): nothing remains, TCPI is 0, every EAC is AC. */
  @Test
  void earnedValueEqualsBudget() {
    EarnedValue kpi = EarnedValue.of(d("1000"), d("1000"), d("1000"), d("1100"));
    assertThat(kpi.tcpi()).isEqualByComparingTo("0");
    assertThat(kpi.eacTypical()).isEqualByComparingTo("1100");
    assertThat(kpi.eacAtypical()).isEqualByComparingTo("1100");
    assertThat(kpi.eacCombined()).isEqualByComparingTo("1100");
    assertThat(kpi.etc()).isEqualByComparingTo("0");
    assertThat(kpi.vac()).isEqualByComparingTo("-100");
  }

  /** BAC equal to AC with work left: TCPI would divide by zero and is not defined. */
  @Test
  void budgetSpentWithWorkLeft() {
    assertThat(EarnedValue.of(d("1000"), d("900"), d("800"), d("1000")).tcpi()).isNull();
  }

  /**
   * An approved change request moves the baseline to BAC 1,200 and the finish by 30 days: PV, EAC, VAC and ES are
   * computed against the new baseline, the same EV and AC give other figures.
   */
  @Test
  void budgetChangedByAnApprovedChangeRequest() {
    LocalDate start = LocalDate.of(2026, 1, 1);
    LocalDate status = LocalDate.of(2026, 2, 19); // day 50
    PlannedValue before = PlannedValue.of(d("1000"), start, start.plusDays(99), status);
    PlannedValue after = PlannedValue.of(d("1200"), start, start.plusDays(129), status);
    assertThat(before.value()).isEqualByComparingTo("500");
    assertThat(after.value()).isEqualByComparingTo("461.54"); // 1,200 × 50 / 130
    EarnedValue old = EarnedValue.of(d("1000"), before.value(), d("400"), d("400"));
    EarnedValue rebaselined = EarnedValue.of(d("1200"), after.value(), d("400"), d("400"));
    assertThat(old.spi()).isEqualByComparingTo("0.8");
    assertThat(rebaselined.spi()).isEqualByComparingTo("0.8667");
    assertThat(rebaselined.eacTypical()).isEqualByComparingTo("1200");
    assertThat(rebaselined.vac()).isEqualByComparingTo("0");
    assertThat(EarnedSchedule.linear(d("1200"), d("400"), after.plannedDays(), after.elapsedDays()).es())
        .isEqualByComparingTo("43.33");
  }

  /** The linear PV: 0 before the start, BAC from the finish on, day-inclusive in between. */
  @Test
  void linearPlannedValue() {
    LocalDate start = LocalDate.of(2026, 3, 1);
    LocalDate finish = LocalDate.of(2026, 3, 10);
    assertThat(PlannedValue.of(d("1000"), start, finish, start.minusDays(1)).value()).isEqualByComparingTo("0");
    assertThat(PlannedValue.of(d("1000"), start, finish, start).value()).isEqualByComparingTo("100");
    assertThat(PlannedValue.of(d("1000"), start, finish, finish).value()).isEqualByComparingTo("1000");
    PlannedValue late = PlannedValue.of(d("1000"), start, finish, finish.plusDays(5));
    assertThat(late.value()).isEqualByComparingTo("1000");
    assertThat(late.elapsedDays()).isEqualTo(15);
  }

  /**
   * The worked example of Lipke's "Earned Schedule Concept" (the figure reproduced in the PMI Practice Standard for
   * EVM and on earnedschedule.com): seven months have gone by (AT = 7), all the PV through May has been earned but only
   * part of June, so ES = 5 + (EV − PV_May) / (PV_Jun − PV_May). With a plan of 100 a month for eleven months (Jan to
   * Nov) and EV = 540: ES = 5 + 40 / 100 = 5.4 months, SPI(t) = 5.4 / 7 = 0.7714, SV(t) = −1.6 months and the
   * forecast duration IEAC(t) = 11 / 0.7714 = 14.26 months, where the classic PD / SPI (SPI = 540 / 700) gives the same
   * here, the curve being linear.
   */
  @Test
  void earnedScheduleOfThePublishedConceptExample() {
    double[] pv = new double[11];
    for (int month = 0; month < pv.length; month++) {
      pv[month] = 100 * (month + 1);
    }
    EarnedSchedule es = EarnedSchedule.of(pv, 540, 7);
    assertThat(es.es()).isEqualByComparingTo("5.40");
    assertThat(es.spiT()).isEqualByComparingTo("0.7714");
    assertThat(es.svT()).isEqualByComparingTo("-1.60");
    assertThat(es.ieacT()).isEqualByComparingTo("14.26");
  }

  /**
   * Earned schedule on a front-loaded curve, where it differs from the cost-based SPI, and late in a late project: with
   * PV 100, 300, 600, 800, 900, 1000 by month and EV 650 after 5 months, ES = 3 + 50 / 200 = 3.25; at month 8 with EV
   * 990 (SPI = 0.99, nearly "on plan") SPI(t) = 5.9 / 8 = 0.7375 still shows the lateness.
   */
  @Test
  void earnedScheduleOnACurveAndLateInTheProject() {
    double[] pv = {100, 300, 600, 800, 900, 1000};
    EarnedSchedule month5 = EarnedSchedule.of(pv, 650, 5);
    assertThat(month5.es()).isEqualByComparingTo("3.25");
    assertThat(month5.spiT()).isEqualByComparingTo("0.65");
    EarnedSchedule month8 = EarnedSchedule.of(pv, 990, 8);
    assertThat(month8.es()).isEqualByComparingTo("5.90");
    assertThat(month8.spiT()).isEqualByComparingTo("0.7375");
    assertThat(month8.ieacT()).isEqualByComparingTo("8.14");
    assertThat(EarnedSchedule.of(pv, 1000, 9).es()).isEqualByComparingTo("6");
  }

  /**
   * A published linear example (a 52-week plan, BAC 5.3 million, EV 2.7 million after 30 weeks: "only twenty-six
   * weeks of planned progress", about four weeks behind): ES = 2.7 / 5.3 × 52 = 26.49 weeks.
   */
  @Test
  void earnedScheduleOnALinearPlan() {
    EarnedSchedule es = EarnedSchedule.linear(d("5300000"), d("2700000"), 52, 30);
    assertThat(es.es().doubleValue()).isCloseTo(26.49, within(0.01));
    assertThat(es.svT().doubleValue()).isCloseTo(-3.51, within(0.01));
    assertThat(es.spiT()).isEqualByComparingTo("0.8830");
    assertThat(es.ieacT().doubleValue()).isCloseTo(58.89, within(0.01));
  }

  /** No time passed: SPI(t) and the forecast are not defined; nothing earned: no forecast. */
  @Test
  void earnedScheduleEdges() {
    EarnedSchedule atStart = EarnedSchedule.linear(d("1000"), d("0"), 100, 0);
    assertThat(atStart.spiT()).isNull();
    assertThat(atStart.ieacT()).isNull();
    assertThat(atStart.forecastFinish(LocalDate.of(2026, 1, 1))).isNull();
    EarnedSchedule nothing = EarnedSchedule.linear(d("1000"), d("0"), 100, 10);
    assertThat(nothing.spiT()).isEqualByComparingTo("0");
    assertThat(nothing.ieacT()).isNull();
    assertThat(EarnedSchedule.linear(d("0"), d("0"), 100, 10).es()).isEqualByComparingTo("0");
  }

  /** Forecast finish dates: start + IEAC(t) and the classic start + PD / SPI, in days. */
  @Test
  void forecastFinishDates() {
    LocalDate start = LocalDate.of(2026, 1, 1);
    EarnedSchedule es = EarnedSchedule.linear(d("1000"), d("400"), 100, 50); // ES 40, SPI(t) 0.8, IEAC(t) 125
    assertThat(es.forecastFinish(start)).isEqualTo(start.plusDays(124));
    assertThat(EarnedSchedule.classicFinish(start, 100, d("0.8"))).isEqualTo(start.plusDays(124));
    assertThat(EarnedSchedule.classicFinish(start, 100, null)).isNull();
    assertThat(EarnedSchedule.classicFinish(start, 100, d("0"))).isNull();
  }
}
