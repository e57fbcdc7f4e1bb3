package pmo.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The planned value of a baseline on a date: <b>linear over the planned duration</b> (PV = BAC × elapsed days /
 * planned days, days counted inclusively from the planned start to the planned finish, 0 before the start, BAC from the
 * finish on). The baselines here carry no time-phased budget or milestones with planned values, so the linear curve is
 * the one built; {@link EarnedSchedule#of(double[], double, double)} already takes any cumulative PV curve if
 * baselines get one.
 *
 * @param plannedDays the planned duration in days (at least 1)
 * @param elapsedDays days from the planned start to the status date, inclusive (0 before the start); may pass
 *     {@code plannedDays} when the project runs late
 */
record PlannedValue(BigDecimal value, long plannedDays, long elapsedDays) {

  static PlannedValue of(BigDecimal bac, LocalDate plannedStart, LocalDate plannedFinish, LocalDate statusDate) {
    long planned = ChronoUnit.DAYS.between(plannedStart, plannedFinish) + 1;
    long elapsed = Math.max(0, ChronoUnit.DAYS.between(plannedStart, statusDate) + 1);
    BigDecimal value = elapsed >= planned ? bac
        : bac.multiply(BigDecimal.valueOf(elapsed)).divide(BigDecimal.valueOf(planned), 2, RoundingMode.HALF_UP);
    return new PlannedValue(EarnedValue.money(value), planned, elapsed);
  }
}
