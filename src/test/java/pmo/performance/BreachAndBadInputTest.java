package pmo.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import pmo.notice.NoticeService;
import pmo.platform.Roles;
import pmo.platform.engine.Tasklist;
import pmo.project.Project;
import pmo.project.Rag;
import pmo.project.Stage;

/**
 * A breach opens exactly one improvement plan and one risk per episode, followed up by the next reports and closed by
 * the report whose KPIs are green again; bad input is refused with the field and writes nothing; the periodic reports
 * are made once per period and their notices queued.
 */
class BreachAndBadInputTest extends PerformanceTestSupport {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
  };

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ImprovementPlans plans;
  @Autowired
  PeriodicReports periodic;
  @Autowired
  NoticeService notices;

  @Test
  void aBreachOpensOnePlanAndOneRiskPerEpisodeAndRecoveryClosesThePlan() {
    Project project = project();
    // SPI 0.7 (35,000 of PV 50,000): red
    String first = open(project, today);
    submit(first, form("amber", 35000, 40000));
    StatusReport opening = reportOf(first);
    assertThat(opening.kpiBand()).isEqualTo("RED");
    List<ImprovementPlan> opened = plansOf(project);
    assertThat(opened).hasSize(1);
    ImprovementPlan plan = opened.get(0);
    assertThat(plan.status()).isEqualTo(ImprovementPlan.DRAFTING);
    assertThat(plan.breach()).contains("SPI 0.7000 below 0.8");
    assertThat(opening.improvementPlanId()).isEqualTo(plan.id());
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(plan.processInstanceId()).singleResult()
        .getName()).as("the plan's reference starts its task's name").isEqualTo("PIP-" + plan.id()
        + " Draft improvement plan");
    List<Map<String, Object>> risks = risksOf(project);
    assertThat(risks).hasSize(1);
    assertThat(risks.get(0)).containsEntry("raised_by", pm).containsEntry("owner", pm)
        .containsEntry("category", "SCHEDULE");
    assertThat(((Number) risks.get(0).get("id")).longValue()).isEqualTo(plan.riskId());

    // still red a week later: followed up, no second plan or risk
    String second = open(project, today.plusDays(7));
    submit(second, form("amber", 40000, 45000));
    assertThat(reportOf(second).kpiBand()).isEqualTo("RED");
    assertThat(reportOf(second).improvementPlanId()).isEqualTo(plan.id());
    assertThat(plansOf(project)).hasSize(1);
    assertThat(risksOf(project)).hasSize(1);

    // the manager drafts the plan, the PMO agrees (the drafter may not)
    complete(pm, plan.processInstanceId(), Map.of("actions", "Add a second team | " + pm + " | "
        + today.plusDays(30) + "\nWeekly recovery review | " + pmo + " | " + today.plusDays(14)));
    assertThat(plans.get(plan.id()).status()).isEqualTo(ImprovementPlan.IN_AGREEMENT);
    assertThat(plans.details(plan.id()).actions()).extracting(ImprovementPlan.Action::owner).containsExactly(pm, pmo);
    // the PMO's task shows the plan: its breach and actions (issue 10 point 4)
    var agree = engine.getTaskService().createTaskQuery().processInstanceId(plan.processInstanceId()).singleResult();
    assertThat(((String) engine.getTaskService().getVariableLocal(agree.getId(), Tasklist.CONTEXT.name()))
        .replace("**", "").replaceAll("\\\\(.)", "$1"))
        .contains("Performance improvement plan PIP-" + plan.id(), "Breach: ", "SPI 0.7000 below 0.8",
            "Action 1: Add a second team (" + pm + ", due " + today.plusDays(30) + ")", "Drafted by " + pm);
    assertThat(failureOf(() -> complete(pm, plan.processInstanceId(), Map.of("planDecision", "agree"))))
        .isNotNull();
    complete(pmo, plan.processInstanceId(), Map.of("planDecision", "agree", "planComment", "Go"));
    assertThat(plans.get(plan.id()).status()).isEqualTo(ImprovementPlan.AGREED);

    // green again (SPI 62,000 / 64,000, CPI 1): the plan closes; the episode is over
    String third = open(project, today.plusDays(14));
    submit(third, form("green", 62000, 62000));
    assertThat(reportOf(third).kpiBand()).isEqualTo("GREEN");
    ImprovementPlan closed = plans.get(plan.id());
    assertThat(closed.status()).isEqualTo(ImprovementPlan.CLOSED);
    assertThat(closed.closedByReportId()).isEqualTo(reportOf(third).id());
    // followed up by every report of the episode, the one that closed it included
    assertThat(plans.details(plan.id()).followUpReportIds()).containsExactly(opening.id(), reportOf(second).id(),
        reportOf(third).id());
    assertThat(projects.find(project.id()).rag()).isEqualTo(Rag.GREEN);
    assertThat(projects.ragHistory(project.id())).hasSize(3);

    // a new breach is a new episode: a second plan and a second risk
    String fourth = open(project, today.plusDays(21));
    submit(fourth, form("red", 50000, 70000));
    assertThat(plansOf(project)).hasSize(2);
    assertThat(risksOf(project)).hasSize(2);
  }

  @Test
  void badInputIsRefusedWithTheFieldAndWritesNothing() {
    Project project = project();
    String pi = open(project, today);
    StatusReport due = reportOf(pi);
    long auditBefore = auditCount(project);

    assertError(post(pm, project.id(), body(-1, 1000)), HttpStatus.BAD_REQUEST, "earnedValue");
    assertError(post(pm, project.id(), body(1000, -5)), HttpStatus.BAD_REQUEST, "actualCost");
    assertError(post(pm, project.id(), body(100001, 1000)), HttpStatus.BAD_REQUEST, "earnedValue");
    // a RAG is one of the form's values (or the name the API answers with)
    Map<String, Object> purple = body(1000, 1000);
    purple.put("ragOverall", "purple");
    ResponseEntity<Map<String, Object>> wrongRag = post(pm, project.id(), purple);
    assertError(wrongRag, HttpStatus.BAD_REQUEST, "ragOverall");
    assertThat(String.valueOf(wrongRag.getBody().get("detail")))
        .isEqualTo("ragOverall: must be one of green, amber, red, not 'purple'");
    String other = user("pm2-" + unique(), Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    assertThat(post(other, project.id(), body(1000, 1000)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(reportOf(pi).status()).isEqualTo(StatusReport.DUE);
    assertThat(auditCount(project)).isEqualTo(auditBefore);
    assertThat(projects.find(project.id()).ragAsOf()).isNull();

    // the manager's good report goes through the same path as Tasklist
    Map<String, Object> good = body(50000, 50000);
    good.put("ragOverall", "AMBER");
    ResponseEntity<Map<String, Object>> ok = post(pm, project.id(), good);
    assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ok.getBody()).containsEntry("ragOverall", "AMBER").containsEntry("ragCost", "GREEN");
    assertThat(reportOf(pi).status()).isEqualTo(StatusReport.SUBMITTED);
    assertThat(reportOf(pi).ragOverall()).isEqualTo(Rag.AMBER);
    assertThat(reportOf(pi).id()).isEqualTo(due.id());

    // a closed project takes no report
    Project closed = project(Stage.CLOSURE);
    projects.close(closed.id());
    assertError(post(pm, closed.id(), body(1000, 1000)), HttpStatus.BAD_REQUEST, "projectId");
  }

  @Test
  void thresholdsOutOfOrderStopTheStart() {
    assertThatThrownBy(() -> new PerformanceSettings(null, new PerformanceSettings.Thresholds(new BigDecimal("0.8"),
        new BigDecimal("0.9")), null)).hasMessageContaining("thresholds.red (0.9) must be below amber (0.8)");
    assertThatThrownBy(() -> new PerformanceSettings(new PerformanceSettings.Reports(null, 3, 2), null, null))
        .hasMessageContaining("escalate-after (2 working days) must come after reminder-after (3)");
    PerformanceSettings defaults = new PerformanceSettings(null, null, null);
    assertThat(defaults.band(new BigDecimal("0.95"), null)).isEqualTo(PerformanceSettings.Band.GREEN);
    assertThat(defaults.band(new BigDecimal("0.85"), new BigDecimal("1.2"))).isEqualTo(PerformanceSettings.Band.AMBER);
    assertThat(defaults.band(new BigDecimal("1.1"), new BigDecimal("0.79"))).isEqualTo(PerformanceSettings.Band.RED);
  }

  @Test
  void theWeeklyReportIsMadeOnceAndItsNoticesQueued() {
    // a week of its own in the past: the weekly report of the current week may have been made by another test already
    ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(7L * ThreadLocalRandom.current()
        .nextInt(60, 3000)))));
    today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
    Project project = project();
    // last week's report, opened and submitted on its own day: opened "today" for a week ago, its reminder and
    // escalation timers would be due at once, and the job executor firing one while the report is submitted made the
    // submission fail (a foreign key of the engine's executions) in a full run
    Date now = ClockUtil.getCurrentTime();
    ClockUtil.setCurrentTime(Date.from(today.minusDays(7).atTime(9, 0).toInstant(ZoneOffset.UTC)));
    submit(open(project, today.minusDays(7)), form("green", 45000, 45000));
    ClockUtil.setCurrentTime(now);
    runPeriodicReports();
    PeriodicReport.Kind kind = PeriodicReport.Kind.WEEKLY;
    PeriodicReport weekly = jdbc.sql("select " + PeriodicReportRepository.COLUMNS + " from performance_report "
        + "where kind = 'WEEKLY' and period_start = :s").param("s", kind.start(today)).query(PeriodicReport.class)
        .single();
    assertThat(weekly.periodEnd()).isEqualTo(kind.start(today).plusDays(6));
    String html = get(pmo, "/api/performance/reports/" + weekly.id() + "/html", String.class).getBody();
    String csv = get(pmo, "/api/performance/reports/" + weekly.id() + "/csv", String.class).getBody();
    assertThat(csv).startsWith("project,name,manager,status_date,rag");
    assertThat(html).contains("<h1>Weekly performance report");
    await().atMost(Duration.ofSeconds(30)).until(() -> notices.forRelated(PerformanceAudit.Entities.PERIODIC,
        weekly.id()).stream().anyMatch(n -> n.recipient().equals(steering)));
    assertThat(notices.forRelated(PerformanceAudit.Entities.PERIODIC, weekly.id()))
        .anyMatch(n -> n.recipient().equals(pmo));
    // a second run makes no second weekly report
    runPeriodicReports();
    assertThat(jdbc.sql("select count(*) from performance_report where kind = 'WEEKLY' and period_start = :s")
        .param("s", kind.start(today)).query(Long.class).single()).isEqualTo(1);
    assertThat(get(pm, "/api/performance/reports/" + weekly.id(), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  /** Runs the periodic reports' timer now (the job executor would at its cron time). */
  private void runPeriodicReports() {
    var timers = engine.getManagementService().createJobQuery().processDefinitionKey("performance-reports").timers()
        .orderByJobDuedate().asc().list();
    assertThat(timers).isNotEmpty();
    engine.getManagementService().executeJob(timers.get(0).getId());
  }

  private Map<String, Object> body(double ev, double ac) {
    Map<String, Object> body = form("green", ev, ac);
    return body;
  }

  private ResponseEntity<Map<String, Object>> post(String user, long projectId, Object body) {
    return rest.withBasicAuth(user, PASSWORD).exchange("/api/performance/projects/" + projectId + "/status-report",
        HttpMethod.POST, new HttpEntity<>(body), JSON);
  }

  private <T> ResponseEntity<T> get(String user, String path, Class<T> type) {
    return rest.withBasicAuth(user, PASSWORD).getForEntity(path, type);
  }

  @SuppressWarnings("unchecked")
  private static void assertError(ResponseEntity<Map<String, Object>> response, HttpStatus status, String field) {
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
    assertThat((List<Map<String, Object>>) response.getBody().get("errors")).as(String.valueOf(response.getBody()))
        .anyMatch(e -> field.equals(e.get("field")));
  }

  private List<ImprovementPlan> plansOf(Project project) {
    return jdbc.sql("select * from improvement_plan where project_id = :p order by id").param("p", project.id())
        .query(ImprovementPlan.class).list();
  }

  private List<Map<String, Object>> risksOf(Project project) {
    return jdbc.sql("select * from risk where project_id = :p order by id").param("p", project.id()).query()
        .listOfRows();
  }

  private long auditCount(Project project) {
    return jdbc.sql("select count(*) from audit_event where project_id = :p").param("p", project.id())
        .query(Long.class).single();
  }
}
