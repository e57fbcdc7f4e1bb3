package pmo.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * Earned schedule (Lipke, 2003; PMI Practice Standard for EVM, 2nd ed., appendix D): the time at which the earned value
 * should have been earned by the plan, found on the cumulative PV curve. ES = C + I, where C is the number of whole
 * periods whose cumulative PV the EV reaches and I = (EV − PV_C) / (PV_C+1 − PV_C) the part of the next period. From it:
 * SPI(t) = ES / AT, SV(t) = ES − AT and the forecast duration IEAC(t) = PD / SPI(t), which, unlike PD / SPI, does not
 * drift back to the plan late in a late project (SPI goes to 1 as EV reaches BAC, SPI(t) does not).
 *
 * @param es earned schedule, in periods (days for the status reports)
 * @param at actual time, in periods
 * @param spiT SPI(t); null when no time has passed
 * @param svT SV(t), in periods
 * @param ieacT the forecast duration, in periods; null when SPI(t) is not defined or zero
 */
record EarnedSchedule(BigDecimal es, BigDecimal at, BigDecimal spiT, BigDecimal svT, BigDecimal ieacT) {

  /**
   * Earned schedule on a cumulative PV series: {@code cumulativePv[i]} is the PV planned by the end of period i + 1
   * (the plan of {@code cumulativePv.length} periods, the last one equal to BAC); {@code at} periods have passed.
   */
  static EarnedSchedule of(double[] cumulativePv, double ev, double at) {
    int whole = 0;
    while (whole < cumulativePv.length && cumulativePv[whole] <= ev) {
      whole++;
    }
    double es;
    if (whole == cumulativePv.length) {
      es = whole;
    } else {
      double reached = whole == 0 ? 0 : cumulativePv[whole - 1];
      double next = cumulativePv[whole];
      es = whole + (next == reached ? 0 : (ev - reached) / (next - reached));
    }
    return of(es, at, cumulativePv.length);
  }

  /**
   * Earned schedule in days on the linear PV of a baseline ({@link PlannedValue}): PV grows by BAC / PD each day, so
   * ES = EV / BAC × PD. With BAC zero nothing can be earned and ES is 0.
   */
  static EarnedSchedule linear(BigDecimal bac, BigDecimal ev, long plannedDays, long actualDays) {
    double es = bac.signum() == 0 ? 0 : Math.min(1, ev.doubleValue() / bac.doubleValue()) * plannedDays;
    return of(es, actualDays, plannedDays);
  }

  private static EarnedSchedule of(double es, double at, double plannedDuration) {
    BigDecimal spiT = at <= 0 ? null : round(es / at, EarnedValue.INDEX);
    BigDecimal ieacT = spiT == null || es <= 0 ? null : round(plannedDuration * at / es, 2);
    return new EarnedSchedule(round(es, 2), round(at, 2), spiT, round(es - at, 2), ieacT);
  }

  /** The finish forecast from IEAC(t): the planned start plus the forecast duration (in days), or null. */
  LocalDate forecastFinish(LocalDate plannedStart) {
    return ieacT == null ? null : plannedStart.plusDays(Math.max(0, (long) Math.ceil(ieacT.doubleValue()) - 1));
  }

  /** The classic forecast: start + PD / SPI (in days), which drifts back to the plan as SPI goes to 1; or null. */
  static LocalDate classicFinish(LocalDate plannedStart, long plannedDays, BigDecimal spi) {
    if (spi == null || spi.signum() <= 0) {
      return null;
    }
    return plannedStart.plusDays(Math.max(0, (long) Math.ceil(plannedDays / spi.doubleValue()) - 1));
  }

  private static BigDecimal round(double value, int scale) {
    return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
  }
}
