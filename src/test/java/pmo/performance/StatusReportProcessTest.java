package pmo.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pmo.escalation.Escalation;
import pmo.escalation.EscalationKind;
import pmo.escalation.EscalationService;
import pmo.escalation.EscalationTrigger;
import pmo.notice.Notice;
import pmo.notice.NoticeService;
import pmo.platform.Roles;
import pmo.project.Project;
import pmo.project.ProjectStatus;
import pmo.project.Rag;
import pmo.project.Stage;

/**
 * The status report cycle and one report's path on the engine and the real database: one report per eligible project
 * and none for projects on hold, closed, cancelled or not in execution; the reminder and the escalation to the PMO on
 * the engine clock; the KPIs and the RAG moving to the project; a red overall RAG opening the PMO's review.
 */
class StatusReportProcessTest extends PerformanceTestSupport {

  @Autowired
  EscalationService escalations;
  @Autowired
  NoticeService notices;

  @Test
  void theCycleOpensOneReportPerEligibleProjectAndNoneForTheOthers() {
    Project running = project();
    Project onHold = project();
    projects.putOnHold(onHold.id());
    Project closed = project(Stage.CLOSURE);
    projects.close(closed.id());
    Project cancelled = project();
    projects.cancel(cancelled.id(), "Not needed");
    Project planning = project(Stage.PLANNING);

    // the earliest timer of the cycle: while another test has moved the engine clock, the job executor may be firing
    // the cycle, and for a moment the next timer exists beside the one it fires
    Job cycle = engine.getManagementService().createJobQuery().processDefinitionKey(StatusReportProcess.CYCLE_KEY)
        .timers().withRetriesLeft().orderByJobDuedate().asc().list().stream().findFirst().orElse(null);
    assertThat(cycle).as("the cycle's timer").isNotNull();
    engine.getManagementService().executeJob(cycle.getId());

    assertThat(reportsOf(running)).hasSize(1);
    for (Project other : List.of(onHold, closed, cancelled, planning)) {
      assertThat(reportsOf(other)).as(other.code()).isEmpty();
    }
    StatusReport due = reportsOf(running).get(0);
    assertThat(due.status()).isEqualTo(StatusReport.DUE);
    assertThat(due.statusDate()).isEqualTo(today);
    var submit = task(due.processInstanceId(), StatusReportProcess.TASK_SUBMIT);
    assertThat(submit.getAssignee()).isEqualTo(pm);
    assertThat(submit.getDueDate()).isEqualTo(PerformanceDeadlines.endOf(today));

    // a second run of the same day opens nothing more
    transaction.executeWithoutResult(status -> reports.openDue(today));
    assertThat(reportsOf(running)).hasSize(1);

    // put on hold, the project stops reporting: its due report is cancelled and its process ends
    projects.putOnHold(running.id());
    StatusReport stopped = reportsOf(running).get(0);
    assertThat(stopped.status()).isEqualTo(StatusReport.CANCELLED);
    assertThat(stopped.closedReason()).contains("on hold");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(stopped.processInstanceId()).count()).isZero();
    assertThat(projects.find(running.id()).status()).isEqualTo(ProjectStatus.ON_HOLD);
  }

  @Test
  void aCancelledProjectEndsItsDueReport() {
    Project project = project();
    String pi = open(project, today);
    projects.cancel(project.id(), "Killed at the gate");
    assertThat(reportOf(pi).status()).isEqualTo(StatusReport.CANCELLED);
    assertThat(reportOf(pi).closedReason()).isEqualTo("Project cancelled: Killed at the gate");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
  }

  @Test
  void anUnsubmittedReportRemindsItsManagerThenGoesToThePmo() {
    Project project = project();
    String pi = open(project, today);
    StatusReport report = reportOf(pi);
    Date remindAt = PerformanceDeadlines.endOf(PerformanceDeadlines.plusWorkingDays(today, 1));
    Date escalateAt = PerformanceDeadlines.endOf(PerformanceDeadlines.plusWorkingDays(today, 3));
    assertThat(timer(pi, StatusReportProcess.EVENT_REMINDER).getDuedate()).isEqualTo(remindAt);
    assertThat(timer(pi, StatusReportProcess.EVENT_OVERDUE).getDuedate()).isEqualTo(escalateAt);

    ClockUtil.setCurrentTime(new Date(remindAt.getTime() + 60_000));
    Escalation reminder = awaitEscalations(report, 1).get(0);
    assertThat(reminder.kind()).isEqualTo(EscalationKind.REMINDER);
    assertThat(reminder.trigger()).isEqualTo(EscalationTrigger.STATUS_REPORT_REMINDER);
    assertThat(reminder.level()).isZero();
    assertThat(reminder.waitingFor()).isEqualTo(pm);
    assertThat(reminder.rule()).isEqualTo("pmo.performance.reports.reminder-after = 1 working day(s)");
    assertThat(reminder.missedDeadline().toInstant()).isEqualTo(remindAt.toInstant());
    assertThat(reminder.escalatedBy()).isEqualTo("system");
    assertThat(reminder.projectId()).isEqualTo(project.id());

    ClockUtil.setCurrentTime(new Date(escalateAt.getTime() + 60_000));
    Escalation escalation = awaitEscalations(report, 2).get(1);
    assertThat(escalation.kind()).isEqualTo(EscalationKind.ESCALATION);
    assertThat(escalation.trigger()).isEqualTo(EscalationTrigger.STATUS_REPORT_OVERDUE);
    assertThat(escalation.escalatedTo()).isEqualTo("pmo");
    assertThat(escalation.level()).isEqualTo(1);
    assertThat(escalation.reason()).contains(project.code(), "not submitted 3 working day(s) later");
    await().atMost(Duration.ofSeconds(30)).until(() -> notices.forRelated(PerformanceAudit.Entities.REPORT,
        report.id()).stream().anyMatch(n -> n.recipient().equals(pmo) && n.subject().startsWith("Escalation: ")));
    assertThat(notices.forRelated(PerformanceAudit.Entities.REPORT, report.id()))
        .anyMatch(n -> n.recipient().equals(pm) && n.subject().startsWith("Reminder: "));
    assertThat(jdbc.sql("select action from audit_event where entity_type = 'STATUS_REPORT' and entity_id = :id "
        + "order by id").param("id", String.valueOf(report.id())).query(String.class).list())
        .containsSubsequence("STATUS_REPORT_DUE", "STATUS_REPORT_REMINDED", "STATUS_REPORT_ESCALATED");
    // the report can still be submitted
    assertThat(task(pi, StatusReportProcess.TASK_SUBMIT)).isNotNull();
  }

  @Test
  void aSubmittedReportKeepsItsKpisAndMovesTheProjectsRag() {
    Project project = project();
    String pi = open(project, today);
    Map<String, Object> form = form("amber", 45000, 50000);
    form.put("milestones", "Design | " + today.minusDays(20) + " | " + today.minusDays(21) + "\nBuild | "
        + today.minusDays(5) + " | missed\nTest | " + today.plusDays(10) + " | ");
    submit(pi, form);

    StatusReport report = reportOf(pi);
    assertThat(report.status()).isEqualTo(StatusReport.SUBMITTED);
    assertThat(report.submittedBy()).isEqualTo(pm);
    assertThat(report.plannedValue()).isEqualByComparingTo("50000");
    assertThat(report.spi()).isEqualByComparingTo("0.9");
    assertThat(report.cpi()).isEqualByComparingTo("0.9");
    assertThat(report.eacTypical()).isEqualByComparingTo("111111.11");
    assertThat(report.esDays()).isEqualByComparingTo("45");
    assertThat(report.spiT()).isEqualByComparingTo("0.9");
    assertThat(report.forecastFinishEs()).isEqualTo(today.minusDays(49).plusDays(111));
    assertThat(report.milestonesDue()).isEqualTo(2);
    assertThat(report.milestonesOnTime()).isEqualTo(1);
    assertThat(report.kpiBand()).isEqualTo("GREEN");
    assertThat(report.baselineVersion()).isEqualTo(1);
    Project after = projects.find(project.id());
    assertThat(after.rag()).isEqualTo(Rag.AMBER);
    assertThat(after.ragAsOf()).isEqualTo(today);
    assertThat(projects.ragHistory(project.id())).extracting(r -> r.rag() + " " + r.asOf() + " " + r.source())
        .containsExactly("AMBER " + today + " STATUS_REPORT");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
  }

  @Test
  void aRedOverallRagOpensThePmosReview() {
    Project project = project();
    String pi = open(project, today);
    submit(pi, form("red", 48000, 49000));
    var review = task(pi, StatusReportProcess.TASK_PMO_REVIEW);
    assertThat(review).as("the PMO's review").isNotNull();
    assertThat(engine.getTaskService().getIdentityLinksForTask(review.getId()))
        .anyMatch(link -> "pmo".equals(link.getGroupId()));
    assertThat(failureOf(() -> complete(pm, pi, Map.of("pmoAssessment", "Mine", "pmoFollowUp", "noted"))))
        .isNotNull();
    complete(pmo, pi, Map.of("pmoAssessment", "Recovery plan needed", "pmoFollowUp", "steering"));
    StatusReport reviewed = reportOf(pi);
    assertThat(reviewed.reviewedBy()).isEqualTo(pmo);
    assertThat(reviewed.pmoFollowUp()).isEqualTo(RedReportFollowUp.STEERING);
    await().atMost(Duration.ofSeconds(30)).until(() -> notices.forRelated(PerformanceAudit.Entities.REPORT,
        reviewed.id()).stream().anyMatch(n -> n.recipient().equals(steering)));
    assertThat(projects.find(project.id()).rag()).isEqualTo(Rag.RED);
  }

  @Test
  void theRedReportGoesToTheSteeringCommitteeInEachMembersLanguage() {
    String chinese = reading(user("sc-zh-" + unique(), Roles.REQUESTERS, Roles.STEERING_COMMITTEE), "zh-CN");
    reading(steering, "en");
    try {
      Project project = project();
      String pi = open(project, today);
      submit(pi, form("red", 48000, 49000));
      complete(pmo, pi, Map.of("pmoAssessment", "需要恢复计划 Recovery plan", "pmoFollowUp", "steering"));
      StatusReport reviewed = reportOf(pi);
      List<Notice> sent = notices.forRelated(PerformanceAudit.Entities.REPORT, reviewed.id());
      LocalDate date = reviewed.statusDate();
      assertThat(sent).filteredOn(n -> n.recipient().equals(chinese)).singleElement().satisfies(n -> {
        assertThat(n.subject()).isEqualTo("红色状态报告：" + project.code() + " " + project.name());
        assertThat(n.body()).startsWith(project.code() + " 截至 " + date.getYear() + "年" + date.getMonthValue() + "月"
            + date.getDayOfMonth() + "日 的状态报告总体为红色（SPI ")
            .endsWith("）。\n\nPMO 的评估：需要恢复计划 Recovery plan\n");
      });
      assertThat(sent).filteredOn(n -> n.recipient().equals(steering)).singleElement().satisfies(n -> {
        assertThat(n.subject()).isEqualTo("Red status report: " + project.code() + " " + project.name());
        assertThat(n.body()).startsWith("The status report of " + project.code() + " for "
            + date.format(java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy", java.util.Locale.ENGLISH))
            + " is red overall (SPI ").endsWith(").\n\nThe PMO's assessment: 需要恢复计划 Recovery plan\n");
      });
    } finally {
      user(chinese);
    }
  }

  private List<StatusReport> reportsOf(Project project) {
    return jdbc.sql("select * from status_report where project_id = :p order by id").param("p", project.id())
        .query(StatusReport.class).list();
  }

  private Job timer(String pi, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(pi).timers().activityId(activityId)
        .singleResult();
  }

  private List<Escalation> awaitEscalations(StatusReport report, int count) {
    await().atMost(Duration.ofSeconds(30)).until(() -> escalations.of(PerformanceAudit.Entities.REPORT, report.id())
        .size() >= count);
    return escalations.of(PerformanceAudit.Entities.REPORT, report.id());
  }
}
