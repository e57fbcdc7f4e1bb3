package pmo.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import pmo.change.ChangeRequest;
import pmo.change.ChangeRequestDraft;
import pmo.change.ChangeRequestService;
import pmo.change.ChangeType;
import pmo.change.QualityImpact;
import pmo.platform.identity.Directory;
import pmo.project.Project;
import pmo.project.ProjectFilter;
import pmo.project.ProjectService;
import pmo.project.ProjectStatus;
import pmo.project.Rag;
import pmo.project.Stage;

/**
 * Weeks of status reports for projects in execution, submitted in their managers' names with the same checks and KPIs
 * as through Tasklist, so the dashboard shows trends (the demo profile on first start, the browser scenario): the last
 * project slips into a breach (its improvement plan waits for its manager in Tasklist), the others are on plan and the
 * first one's latest report is left unsubmitted (missing, reminded and escalated); one change request is approved
 * (the change cycle time); the weekly report of last week is made.
 */
@Component
class PerformanceSeed {

  private static final Logger log = LoggerFactory.getLogger(PerformanceSeed.class);
  static final int WEEKS = 8;

  private final ProjectService projects;
  private final StatusReportService reports;
  private final StatusReportRepository rows;
  private final ReportSubmission submission;
  private final PeriodicReports periodic;
  private final ChangeRequestService changes;
  private final TaskService tasks;
  private final IdentityService identity;
  private final Directory directory;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;

  PerformanceSeed(ProjectService projects, StatusReportService reports, StatusReportRepository rows,
      ReportSubmission submission, PeriodicReports periodic,
      ChangeRequestService changes, TaskService tasks, IdentityService identity, Directory directory, JdbcClient jdbc,
      TransactionTemplate transaction, Clock clock) {
    this.projects = projects;
    this.reports = reports;
    this.rows = rows;
    this.submission = submission;
    this.periodic = periodic;
    this.changes = changes;
    this.tasks = tasks;
    this.identity = identity;
    this.directory = directory;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** Seeds the demo projects in execution, once (nothing when any status report exists). */
  void seedDemo() {
    if (jdbc.sql("select count(*) from status_report").query(Long.class).single() > 0) {
      return;
    }
    seed(projects.list(new ProjectFilter(Stage.EXECUTION, ProjectStatus.ACTIVE, null, null),
        new pmo.platform.PageRequest(0, 20)).items(), "rita", "olga");
  }

  /** Seeds these projects; {@code requester} raises the change request, {@code pmo} approves it. */
  void seed(List<Project> running, String requester, String pmo) {
    try {
      LocalDate today = LocalDate.now(clock);
      LocalDate lastFriday = today.minusDays((today.getDayOfWeek().getValue() - DayOfWeek.FRIDAY.getValue() + 7) % 7);
      for (int i = 0; i < running.size(); i++) {
        Project project = running.get(i);
        boolean slipping = i == running.size() - 1 && running.size() > 1;
        for (int week = WEEKS; week >= 1; week--) {
          LocalDate statusDate = lastFriday.minusWeeks(week - 1L);
          boolean leaveMissing = !slipping && week == 1;
          report(project, statusDate, slipping ? 0.97 - 0.035 * (WEEKS - week) : 0.98 + 0.005 * (week % 3),
              slipping ? 0.96 - 0.02 * (WEEKS - week) : 0.99, leaveMissing);
        }
      }
      if (!running.isEmpty()) {
        approvedChange(running.get(0), requester, pmo);
      }
      transaction.executeWithoutResult(s -> periodic.generate(PeriodicReport.Kind.WEEKLY, null));
      log.info("demo performance: {} weeks of status reports for {} projects", WEEKS, running.size());
    } catch (RuntimeException e) {
      log.warn("demo performance data not complete: {}", e.getMessage(), e);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** One report: SPI and CPI as given against the linear PV of the current baseline. */
  private void report(Project project, LocalDate statusDate, double spi, double cpi, boolean leaveMissing) {
    if (leaveMissing) {
      transaction.executeWithoutResult(s -> reports.open(projects.find(project.id()), statusDate));
      return;
    }
    var baseline = projects.get(project.id()).currentBaseline();
    BigDecimal pv = PlannedValue.of(baseline.budgetAtCompletion(), baseline.plannedStart(), baseline.plannedFinish(),
        statusDate).value();
    BigDecimal ev = pv.multiply(BigDecimal.valueOf(spi)).setScale(2, RoundingMode.HALF_UP)
        .min(baseline.budgetAtCompletion());
    BigDecimal ac = ev.divide(BigDecimal.valueOf(cpi), 2, RoundingMode.HALF_UP);
    PerformanceSettings.Band band = new PerformanceSettings(null, null, null).band(BigDecimal.valueOf(spi),
        BigDecimal.valueOf(cpi));
    Rag rag = switch (band) {
      case GREEN -> Rag.GREEN;
      case AMBER -> Rag.AMBER;
      case RED -> Rag.RED;
    };
    // past weeks are recorded without their processes (whose deadlines have long passed): the same checks and KPIs
    ReportDraft draft = new ReportDraft(rag, rag, Rag.GREEN, Rag.GREEN, rag, ev, null, ac, null,
        "Demo report of " + statusDate, "Carry on with the plan", null, null);
    as(project.manager(), () -> transaction.execute(s -> submission.submit(rows.insertDue(project.id(), statusDate,
        statusDate, null, java.time.OffsetDateTime.now(clock)), draft)));
  }

  /** A change request of the project raised by rita, assessed by its manager and approved by the PMO. */
  private void approvedChange(Project project, String requester, String pmo) {
    // 1 % of the budget and a day: small enough for the PMO's approval route
    BigDecimal cost = projects.get(project.id()).currentBaseline().budgetAtCompletion()
        .divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN);
    ChangeRequest request = as(requester, () -> changes.raise(new ChangeRequestDraft(project.id(),
        "Add an accessibility audit", "An external accessibility audit before go-live", "Regulatory expectation",
        ChangeType.NORMAL, cost, 1, "Accessibility audit", QualityImpact.MINOR, null), requester));
    String pi = request.processInstanceId();
    as(project.manager(), () -> {
      Task assess = tasks.createTaskQuery().processInstanceId(pi).singleResult();
      tasks.complete(assess.getId(), Map.of("costDelta", cost.doubleValue(), "scheduleDeltaDays", 1,
          "qualityImpact", "minor"));
      return null;
    });
    as(pmo, () -> {
      Task approval = tasks.createTaskQuery().processInstanceId(pi).singleResult();
      if (approval == null || !approval.getTaskDefinitionKey().equals("Task_PmoApproval")) {
        throw new IllegalStateException("the demo change request is not waiting for the PMO's approval");
      } else {
        tasks.claim(approval.getId(), pmo);
        tasks.complete(approval.getId(), Map.of("pmoDecision", "approve", "pmoComment", "Needed for compliance"));
      }
      return null;
    });
  }

  private <T> T as(String user, java.util.function.Supplier<T> work) {
    identity.setAuthentication(user, directory.groupsOf(user));
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private void as(String user, Runnable work) {
    as(user, () -> {
      work.run();
      return null;
    });
  }
}
