package pmo.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import pmo.platform.engine.Tasklist;
import pmo.project.Project;

/**
 * Issue 10 point 4 for status reports: the manager's report task shows the project, the report's day and the trend of
 * the last submitted reports; the PMO's review of a red report shows that report's RAGs, figures and KPIs. Read from
 * the stored reports when each task is created ({@code caseContext}, task-local).
 */
class PerformanceContextTest extends PerformanceTestSupport {

  @Test
  void theReportShowsTheTrendAndThePmosReviewShowsTheRedReportsFigures() {
    Project project = project();
    // last week's report, opened and submitted on its own day (its timers are not due yet then)
    Date now = ClockUtil.getCurrentTime();
    ClockUtil.setCurrentTime(Date.from(today.minusDays(7).atTime(9, 0).toInstant(ZoneOffset.UTC)));
    var lastWeek = form("amber", 40000, 42000);
    lastWeek.put("narrative", "Supplier late");
    submit(open(project, today.minusDays(7)), lastWeek);
    ClockUtil.setCurrentTime(now);

    String pi = open(project, today);
    assertThat(context(task(pi, StatusReportProcess.TASK_SUBMIT))).contains("Status report of " + today,
        project.code(), "Status: Due", "Report of " + today.minusDays(7) + ": Amber, SPI", "by " + pm,
        "“Supplier late”");

    var red = form("red", 48000, 49000);
    red.put("helpNeeded", "A second tester");
    submit(pi, red);
    assertThat(context(task(pi, StatusReportProcess.TASK_PMO_REVIEW))).contains("Status: Submitted",
        "RAG (overall · schedule · cost · scope · quality): Red · Red · Red · Green · Green",
        "SPI · CPI · SPI(t): ", "Help needed: A second tester", "Narrative: Work goes on");
  }

  private String context(Task task) {
    assertThat(task).isNotNull();
    Object context = engine.getTaskService().getVariableLocal(task.getId(), Tasklist.CONTEXT.name());
    assertThat(context).as("caseContext").isInstanceOf(String.class);
    return ((String) context).replace("**", "").replaceAll("\\\\(.)", "$1");
  }
}
