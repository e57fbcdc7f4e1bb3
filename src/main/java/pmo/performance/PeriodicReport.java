package pmo.performance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A weekly, monthly or quarterly portfolio report as generated and kept: its headline figures (a row of the table
 * {@code performance_report}), the whole content as JSON ({@code figures}), a printable HTML page and CSV. Never
 * regenerated: an earlier report stays readable as it was.
 */
public record PeriodicReport(long id, String kind, LocalDate periodStart, LocalDate periodEnd, int projects,
    int reported, int green, int amber, int red, int breaches, int openPlans, BigDecimal spi, BigDecimal cpi,
    BigDecimal bac, String generatedBy, OffsetDateTime generatedAt) {

  /** The kinds of periodic report and their periods: the full week, month or quarter before a date. */
  public enum Kind {
    WEEKLY, MONTHLY, QUARTERLY;

    /** The first day of the period that ended before {@code today}. */
    LocalDate start(LocalDate today) {
      return switch (this) {
        case WEEKLY -> today.minusDays(today.getDayOfWeek().getValue() - 1L).minusWeeks(1);
        case MONTHLY -> today.withDayOfMonth(1).minusMonths(1);
        case QUARTERLY -> today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1).minusMonths(3);
      };
    }

    LocalDate end(LocalDate start) {
      return switch (this) {
        case WEEKLY -> start.plusDays(6);
        case MONTHLY -> start.plusMonths(1).minusDays(1);
        case QUARTERLY -> start.plusMonths(3).minusDays(1);
      };
    }
  }
}
