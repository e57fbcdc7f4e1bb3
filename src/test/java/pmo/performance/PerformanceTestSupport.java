package pmo.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import pmo.IntegrationTest;
import pmo.platform.Roles;
import pmo.project.NewProject;
import pmo.project.Project;
import pmo.project.ProjectService;
import pmo.project.Stage;

/**
 * Projects in execution with a baseline of BAC 100,000 over 100 days, 50 days of which have passed on the test's
 * status date (PV = 50,000), and helpers to open and submit their status reports as their manager.
 */
abstract class PerformanceTestSupport extends IntegrationTest {

  static final BigDecimal BAC = new BigDecimal("100000");

  @Autowired
  ProjectService projects;
  @Autowired
  StatusReportService reports;
  @Autowired
  TransactionTemplate transaction;

  String pm;
  String pmo;
  String steering;
  LocalDate today;

  @BeforeEach
  void people() {
    String suffix = unique();
    pm = user("pm-" + suffix, Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    pmo = user("pmo-" + suffix, Roles.REQUESTERS, Roles.PMO);
    steering = user("sc-" + suffix, Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), java.time.ZoneOffset.UTC);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** A project in execution managed by {@link #pm}, planned from 49 days before today over 100 days. */
  Project project() {
    return project(Stage.EXECUTION);
  }

  Project project(Stage stage) {
    LocalDate start = today.minusDays(49);
    return transaction.execute(status -> {
      long id = projects.register(new NewProject(null, "Performance " + unique(), null, steering, pm, "IT", null,
          BAC, start, start.plusDays(99), "Scope")).project().id();
      return stage == Stage.INITIATION ? projects.find(id) : projects.moveToStage(id, stage);
    });
  }

  /** Opens the project's report for a day and returns its process instance id. */
  String open(Project project, LocalDate statusDate) {
    Boolean opened = transaction.execute(status -> reports.open(projects.find(project.id()), statusDate));
    assertThat(opened).isTrue();
    StatusReport report = jdbc.sql("select * from status_report where project_id = :p and status_date = :d")
        .param("p", project.id()).param("d", statusDate).query(StatusReport.class).single();
    return report.processInstanceId();
  }

  StatusReport reportOf(String processInstanceId) {
    return reports.get(reports.idOfProcess(processInstanceId));
  }

  /** The form's fields of a report with these figures and this overall RAG. */
  static Map<String, Object> form(String overall, double ev, double ac) {
    Map<String, Object> v = new HashMap<>();
    v.put("ragSchedule", overall);
    v.put("ragCost", overall);
    v.put("ragScope", "green");
    v.put("ragQuality", "green");
    v.put("ragOverall", overall);
    v.put("earnedValue", ev);
    v.put("actualCost", ac);
    v.put("narrative", "Work goes on");
    v.put("nextSteps", "More work");
    return v;
  }

  Task task(String processInstanceId, String activityId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(activityId).singleResult();
  }

  void submit(String processInstanceId, Map<String, Object> form) {
    complete(pm, processInstanceId, form);
  }
}
