package pmo.performance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The timers of the performance processes, read by their models ({@code ${performanceDeadlines...}}): the cycles
 * (cron expressions from {@link PerformanceSettings}, read when the model is deployed) and, for one status report, by
 * when it is due and when its manager is reminded and the PMO alerted (end of the due day, then end of the day
 * {@code reminder-after} and {@code escalate-after} working days later; Saturdays and Sundays do not count).
 */
@Component("performanceDeadlines")
public class PerformanceDeadlines {

  private final PerformanceSettings settings;
  private final ObjectProvider<StatusReportService> reports;

  /**
   * The reports are looked up when a report's timer asks: the engine evaluates the cycles while it deploys, before the
   * services that need the engine exist.
   */
  PerformanceDeadlines(PerformanceSettings settings, ObjectProvider<StatusReportService> reports) {
    this.settings = settings;
    this.reports = reports;
  }

  /** The status report cycle, e.g. {@code 0 0 6 ? * FRI}. */
  public String reportCycle() {
    return settings.reports().cycle();
  }

  /** When the periodic portfolio reports due are made, e.g. {@code 0 0 7 * * ?} (every day at 07:00). */
  public String periodicReports() {
    return settings.periodic().cycle();
  }

  /** The end of the due day of the report the process instance runs. */
  public Date dueAt(String processInstanceId) {
    return endOf(report(processInstanceId).dueDate());
  }

  /** When the report's manager is reminded. */
  public Date remindAt(String processInstanceId) {
    return endOf(plusWorkingDays(report(processInstanceId).dueDate(), settings.reports().reminderAfter()));
  }

  /** When the report goes to the PMO. */
  public Date escalateAt(String processInstanceId) {
    return endOf(plusWorkingDays(report(processInstanceId).dueDate(), settings.reports().escalateAfter()));
  }

  private StatusReport report(String processInstanceId) {
    StatusReportService service = reports.getObject();
    return service.get(service.idOfProcess(processInstanceId));
  }

  /** The date {@code days} working days (Monday to Friday) after {@code from}. */
  static LocalDate plusWorkingDays(LocalDate from, int days) {
    LocalDate date = from;
    for (int left = days; left > 0; ) {
      date = date.plusDays(1);
      if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
        left--;
      }
    }
    return date;
  }

  static Date endOf(LocalDate day) {
    return Date.from(day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
  }
}
