package pmo.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pmo.e2e.BrowserScenario;
import pmo.platform.Roles;
import pmo.project.Project;
import pmo.project.Rag;

/**
 * The performance dashboard in headless Chromium as a PMO user, in English and in Simplified Chinese, on seeded weeks
 * of reports (as the demo has them): every chart has data, no console error; then a status report submitted through
 * its Tasklist form. Screenshots land in target/e2e.
 */
class PerformanceDashboardIT extends PerformanceTestSupport {

  @LocalServerPort
  int port;
  @Autowired
  PerformanceSeed seed;

  @Test
  void dashboardInBothLanguagesAndAReportThroughTasklist() throws Exception {
    user("rita", Roles.REQUESTERS);
    user("olga", Roles.REQUESTERS, Roles.PMO);
    Project onPlan = project();
    Project slipping = project();
    seed.seed(List.of(onPlan, slipping), "rita", "olga");
    String pi = open(onPlan, today.plusDays(1));
    String task = task(pi, StatusReportProcess.TASK_SUBMIT).getId();

    BrowserScenario.run("performance-dashboard.js", port, Map.of("PASSWORD", PASSWORD, "PMO_USER", pmo,
        "MANAGER", pm, "REPORT_TASK", task, "SCREENSHOT", "performance-dashboard"));

    await().atMost(Duration.ofSeconds(15)).until(() -> StatusReport.SUBMITTED.equals(reportOf(pi).status()));
    StatusReport submitted = reportOf(pi);
    assertThat(submitted.submittedBy()).isEqualTo(pm);
    assertThat(submitted.ragOverall()).isEqualTo(Rag.GREEN);
    assertThat(submitted.narrative()).isEqualTo("Submitted in Tasklist");
    assertThat(submitted.earnedValue()).isEqualByComparingTo("50000");
  }
}
