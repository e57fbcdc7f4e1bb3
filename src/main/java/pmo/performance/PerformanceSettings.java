package pmo.performance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pmo.performance.*} (config/application.yaml): when status reports are due and chased, the KPI thresholds and
 * when the periodic portfolio reports are made. Cycles are cron expressions as Camunda's timers read them (seconds,
 * minutes, hours, day of month, month, day of week). The application refuses to start with settings out of order
 * (a red threshold not below the amber one, an escalation not after the reminder) and says what is wrong.
 *
 * @param reports the status report cycle ({@code cycle}, default every Friday at 06:00) and after how many working
 *     days (Monday to Friday) past the due day an unsubmitted report reminds its manager ({@code reminder-after}, 1)
 *     and escalates to the PMO ({@code escalate-after}, 3)
 * @param thresholds SPI or CPI below {@code amber} (0.9) is amber, below {@code red} (0.8) red: a breach
 * @param periodic when the portfolio reports are made ({@code cycle}, default every day at 07:00): each run makes the
 *     weekly, monthly and quarterly reports of the calendar week, month and quarter that ended last, if not made yet
 */
@ConfigurationProperties("pmo.performance")
public record PerformanceSettings(Reports reports, Thresholds thresholds, Periodic periodic) {

  public PerformanceSettings {
    reports = reports == null ? new Reports(null, null, null) : reports;
    thresholds = thresholds == null ? new Thresholds(null, null) : thresholds;
    periodic = periodic == null ? new Periodic(null) : periodic;
    List<String> wrong = new ArrayList<>();
    if (thresholds.red().signum() <= 0 || thresholds.amber().compareTo(BigDecimal.valueOf(2)) > 0) {
      wrong.add("pmo.performance.thresholds must lie between 0 and 2 (red " + thresholds.red() + ", amber "
          + thresholds.amber() + ")");
    }
    if (thresholds.red().compareTo(thresholds.amber()) >= 0) {
      wrong.add("pmo.performance.thresholds.red (" + thresholds.red() + ") must be below amber ("
          + thresholds.amber() + ")");
    }
    if (reports.reminderAfter() < 0 || reports.escalateAfter() <= reports.reminderAfter()) {
      wrong.add("pmo.performance.reports.escalate-after (" + reports.escalateAfter() + " working days) must come "
          + "after reminder-after (" + reports.reminderAfter() + "), which must not be negative");
    }
    if (!wrong.isEmpty()) {
      throw new IllegalStateException("performance settings: " + String.join("; ", wrong));
    }
  }

  public record Reports(String cycle, Integer reminderAfter, Integer escalateAfter) {

    public Reports {
      cycle = blank(cycle) ? "0 0 6 ? * FRI" : cycle.trim();
      reminderAfter = reminderAfter == null ? 1 : reminderAfter;
      escalateAfter = escalateAfter == null ? 3 : escalateAfter;
    }
  }

  public record Thresholds(BigDecimal amber, BigDecimal red) {

    public Thresholds {
      amber = amber == null ? new BigDecimal("0.9") : amber;
      red = red == null ? new BigDecimal("0.8") : red;
    }
  }

  public record Periodic(String cycle) {

    public Periodic {
      cycle = blank(cycle) ? "0 0 7 * * ?" : cycle.trim();
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  /** The band of the worse of SPI and CPI (an index not defined does not count); GREEN when neither is defined. */
  Band band(BigDecimal spi, BigDecimal cpi) {
    BigDecimal worst = spi == null ? cpi : cpi == null ? spi : spi.min(cpi);
    if (worst == null || worst.compareTo(thresholds.amber()) >= 0) {
      return Band.GREEN;
    }
    return worst.compareTo(thresholds.red()) >= 0 ? Band.AMBER : Band.RED;
  }

  /** Where a KPI stands against the thresholds: RED is a breach. */
  enum Band {
    GREEN, AMBER, RED
  }
}
