package pmo.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;
import pmo.platform.ConflictException;
import pmo.platform.ForbiddenActionException;
import pmo.platform.InputErrors;
import pmo.platform.NotFoundException;
import pmo.platform.engine.CurrentActor;
import pmo.project.Baseline;
import pmo.project.Project;
import pmo.project.ProjectService;

/**
 * Step "Record status report": checks what the project manager submitted, computes the KPIs against the baseline then
 * current, keeps both on the report, moves the project's RAG and its latest figures, and follows the breach episode
 * (an improvement plan and a risk when the KPIs enter the red band, the plan closed when they are green again). The
 * project row is locked first, then the report (RowLocks' order). Bad input is rejected before anything is written.
 */
@Service
class ReportSubmission {

  static final String RUNNING_PROJECT_NEEDED = "status reports are made for projects in execution (not on hold, "
      + "closed or cancelled)";

  private final StatusReportRepository reports;
  private final ProjectService projects;
  private final ProjectSignals signals;
  private final ImprovementPlans plans;
  private final PerformanceSettings settings;
  private final AuditLog audit;
  private final CurrentActor actor;
  private final Clock clock;

  ReportSubmission(StatusReportRepository reports, ProjectService projects, ProjectSignals signals,
      ImprovementPlans plans, PerformanceSettings settings, AuditLog audit, CurrentActor actor, Clock clock) {
    this.reports = reports;
    this.projects = projects;
    this.signals = signals;
    this.plans = plans;
    this.settings = settings;
    this.audit = audit;
    this.actor = actor;
    this.clock = clock;
  }

  @Transactional
  public StatusReport submit(long reportId, ReportDraft draft) {
    StatusReport due = reports.find(reportId).orElseThrow(() -> new NotFoundException("status report", reportId));
    Project project = projects.lock(due.projectId());
    StatusReport before = reports.lock(reportId).orElseThrow();
    if (!StatusReport.DUE.equals(before.status())) {
      throw new ConflictException("the status report of " + project.code() + " for " + before.statusDate() + " is "
          + before.status() + ", not DUE");
    }
    String submitter = actor.id();
    if (!submitter.equals(project.manager())) {
      throw new ForbiddenActionException(submitter + " is not the manager of " + project.code()
          + ": only " + project.manager() + " submits its status reports");
    }
    Baseline baseline = projects.currentBaseline(project.id());
    InputErrors errors = new InputErrors();
    if (!project.reportsStatus()) {
      errors.add("projectId", "project " + project.code() + " is " + (project.stage().name().equals("EXECUTION")
          ? project.status().name() : project.stage().name()) + ": " + RUNNING_PROJECT_NEEDED);
    }
    errors.require(draft.ragSchedule() != null, StatusReportProcess.RAG_SCHEDULE.name(), "is required")
        .require(draft.ragCost() != null, StatusReportProcess.RAG_COST.name(), "is required")
        .require(draft.ragScope() != null, StatusReportProcess.RAG_SCOPE.name(), "is required")
        .require(draft.ragQuality() != null, StatusReportProcess.RAG_QUALITY.name(), "is required")
        .require(draft.ragOverall() != null, StatusReportProcess.RAG_OVERALL.name(), "is required");
    BigDecimal bac = baseline.budgetAtCompletion();
    BigDecimal ev = earnedValue(draft, bac, errors);
    BigDecimal ac = draft.actualCost();
    errors.require(ac != null, "actualCost", "is required");
    errors.require(ac == null || ac.signum() >= 0, "actualCost", "must not be negative");
    Milestones milestones = Milestones.parse(draft.milestones(), "milestones", errors);
    errors.throwIfAny();

    PlannedValue pv = PlannedValue.of(bac, baseline.plannedStart(), baseline.plannedFinish(), before.statusDate());
    EarnedValue kpi = EarnedValue.of(bac, pv.value(), ev, ac);
    EarnedSchedule es = EarnedSchedule.linear(bac, ev, pv.plannedDays(), pv.elapsedDays());
    ProjectSignals.Signals registers = signals.of(project.id());
    PerformanceSettings.Band band = settings.band(kpi.spi(), kpi.cpi());
    List<StatusReport> previous = reports.previous(project.id(), before.statusDate(), 3);
    boolean falling = Trend.fellThreeTimes(previous, es.spiT()) || Trend.fellThreeTimesCpi(previous, kpi.cpi());
    OffsetDateTime now = OffsetDateTime.now(clock);
    Long openPlan = plans.openPlanOf(project.id());

    StatusReport submitted = new StatusReport(before.id(), before.projectId(), before.statusDate(), before.dueDate(),
        StatusReport.SUBMITTED, before.processInstanceId(), draft.ragSchedule(), draft.ragCost(), draft.ragScope(),
        draft.ragQuality(), draft.ragOverall(), percent(ev, bac), kpi.ev(), kpi.ac(), draft.milestones(),
        draft.narrative(), draft.nextSteps(), draft.helpNeeded(), draft.improvementProgress(), baseline.version(),
        kpi.bac(), kpi.pv(), kpi.sv(), kpi.cv(), kpi.spi(), kpi.cpi(), kpi.eacTypical(), kpi.eacAtypical(),
        kpi.eacCombined(), kpi.etc(), kpi.vac(), kpi.tcpi(), (int) pv.plannedDays(), (int) pv.elapsedDays(), es.es(),
        es.spiT(), es.svT(), es.forecastFinish(baseline.plannedStart()),
        EarnedSchedule.classicFinish(baseline.plannedStart(), pv.plannedDays(), kpi.spi()),
        milestones.due(before.statusDate()), milestones.onTime(before.statusDate()), registers.openHighRisks(),
        registers.changeCycleDays(), registers.issueSlaRate(), band.name(), falling, openPlan, null, null, null, null, submitter, now, null,
        before.createdAt());
    reports.writeSubmission(submitted, project.category());
    audit.record(AuditEntry.created(PerformanceAudit.STATUS_REPORT_SUBMITTED, reportId, project.id(), submitted));

    // the breach episode: opened in the red band, followed up at each report, closed when green again
    if (openPlan == null && band == PerformanceSettings.Band.RED) {
      openPlan = plans.open(project, submitted, breach(kpi, es));
      reports.setPlan(reportId, openPlan);
    } else if (openPlan != null && band == PerformanceSettings.Band.GREEN) {
      plans.closeRecovered(openPlan, submitted);
      openPlan = null;
    }
    reports.upsertLatest(submitted, baseline.plannedFinish(), openPlan, now);
    projects.recordRag(project.id(), draft.ragOverall(), before.statusDate(),
        PerformanceAudit.Entities.REPORT, reportId);
    return reports.find(reportId).orElseThrow();
  }

  /** EV as given, or from the percent complete; one of the two is required, within 0 and BAC. */
  private static BigDecimal earnedValue(ReportDraft draft, BigDecimal bac, InputErrors errors) {
    BigDecimal ev = draft.earnedValue();
    if (ev == null && draft.percentComplete() != null) {
      BigDecimal percent = draft.percentComplete();
      errors.require(percent.signum() >= 0 && percent.compareTo(BigDecimal.valueOf(100)) <= 0, "percentComplete",
          "must be between 0 and 100");
      ev = bac.multiply(percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }
    if (ev == null) {
      errors.add("earnedValue", "is required (or the percent complete)");
      return BigDecimal.ZERO;
    }
    errors.require(ev.signum() >= 0, "earnedValue", "must not be negative");
    errors.require(ev.compareTo(bac) <= 0, "earnedValue", "must not be above the budget at completion (" + bac + ")");
    return ev;
  }

  private static BigDecimal percent(BigDecimal ev, BigDecimal bac) {
    return bac.signum() == 0 ? null : ev.multiply(BigDecimal.valueOf(100)).divide(bac, 2, RoundingMode.HALF_UP);
  }

  /** The breach in words, naming each index in the red band. */
  private String breach(EarnedValue kpi, EarnedSchedule es) {
    BigDecimal red = settings.thresholds().red();
    StringBuilder text = new StringBuilder();
    if (kpi.spi() != null && kpi.spi().compareTo(red) < 0) {
      text.append("SPI ").append(kpi.spi()).append(" below ").append(red);
    }
    if (kpi.cpi() != null && kpi.cpi().compareTo(red) < 0) {
      text.append(text.length() == 0 ? "" : ", ").append("CPI ").append(kpi.cpi()).append(" below ").append(red);
    }
    if (es.spiT() != null) {
      text.append(" (SPI(t) ").append(es.spiT()).append(")");
    }
    return text.toString();
  }
}
