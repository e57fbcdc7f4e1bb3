package pmo.performance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.platform.NotFoundException;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.ReadRule;
import pmo.platform.Roles;
import pmo.platform.SqlFilter;
import pmo.platform.Viewer;
import pmo.project.ProjectService;
import pmo.project.Rag;
import pmo.project.RagChange;

/**
 * The figures of performance monitoring, for the dashboard, {@code /api/performance} and other capabilities (the
 * portfolio review may show them): the PMO, the steering committee and auditors read every project; anybody else only
 * the projects they manage or sponsor, in lists, aggregates and single reads alike (a project they may not see is not
 * found). Every list is paged.
 */
@Service
public class PerformanceReads {

  /** Who reads which projects' figures: the PMO, steering and auditors all, others the projects they manage or sponsor. */
  public static final ReadRule READ_RULE = new ReadRule(Set.of(Roles.PMO, Roles.STEERING_COMMITTEE, Roles.AUDITORS),
      "project", "manager = :viewer", "sponsor = :viewer");

  /** A project's performance: its latest KPIs (null before its first report), its RAG history and its open plan. */
  public record ProjectPerformance(long projectId, boolean reported, DashboardFigures.ProjectKpis latest,
      List<RagChange> ragHistory, ImprovementPlan.Details openPlan) {
  }

  private final DashboardRepository dashboard;
  private final PortfolioTrend trend;
  private final ProjectService projects;
  private final ImprovementPlans plans;
  private final Clock clock;

  PerformanceReads(DashboardRepository dashboard, PortfolioTrend trend, ProjectService projects, ImprovementPlans plans,
      Clock clock) {
    this.dashboard = dashboard;
    this.trend = trend;
    this.projects = projects;
    this.plans = plans;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public DashboardFigures.Portfolio portfolio(String category, String manager, Viewer viewer) {
    SqlFilter inExecution = scope(category, manager, viewer).and("p.stage = 'EXECUTION'");
    SqlFilter missing = scope(category, manager, viewer).and("r.status = 'DUE'")
        .and("r.due_date < :today", "today", today());
    return dashboard.portfolio(inExecution, scope(category, manager, viewer), missing);
  }

  /** The ranked KPI table: the worst band first, then the lowest SPI. */
  @Transactional(readOnly = true)
  public Page<DashboardFigures.ProjectKpis> projects(String category, String manager, Rag rag, String band,
      Boolean trendFalling, PageRequest page, Viewer viewer) {
    return dashboard.projects(scope(category, manager, viewer).and("f.rag_overall = :rag", "rag", rag)
        .and("f.kpi_band = :band", "band", band).and("f.trend_falling = :trend", "trend", trendFalling), page);
  }

  /** Forecast finish per project, the latest forecast first; {@code late}: only those past their planned finish. */
  @Transactional(readOnly = true)
  public Page<DashboardFigures.ProjectKpis> forecasts(String category, String manager, Boolean late,
      PageRequest page, Viewer viewer) {
    SqlFilter filter = scope(category, manager, viewer);
    if (Boolean.TRUE.equals(late)) {
      filter.and("f.forecast_finish_es > f.planned_finish");
    }
    return dashboard.forecasts(filter, page);
  }

  @Transactional(readOnly = true)
  public ProjectPerformance project(long projectId, Viewer viewer) {
    requireVisible(projectId, viewer);
    Page<DashboardFigures.ProjectKpis> latest = dashboard.projects(new SqlFilter().and("p.id = :id", "id", projectId),
        new PageRequest(0, 1));
    Long open = plans.openPlanOf(projectId);
    return new ProjectPerformance(projectId, !latest.items().isEmpty(),
        latest.items().isEmpty() ? null : latest.items().get(0), projects.ragHistory(projectId),
        open == null ? null : plans.details(open));
  }

  @Transactional(readOnly = true)
  public Page<StatusReport> reports(long projectId, LocalDate from, LocalDate to, String status, PageRequest page,
      Viewer viewer) {
    requireVisible(projectId, viewer);
    return dashboard.reports(series(projectId, from, to).and("r.status = :status", "status", status), page);
  }

  /** The S-curve: cumulative PV, EV and AC of the submitted reports, oldest first. */
  @Transactional(readOnly = true)
  public Page<DashboardFigures.CurvePoint> curve(long projectId, LocalDate from, LocalDate to, PageRequest page,
      Viewer viewer) {
    requireVisible(projectId, viewer);
    return dashboard.curve(series(projectId, from, to).and("r.status = 'SUBMITTED'"), page);
  }

  @Transactional(readOnly = true)
  public Page<DashboardFigures.TrendPoint> trend(long projectId, LocalDate from, LocalDate to, PageRequest page,
      Viewer viewer) {
    requireVisible(projectId, viewer);
    return dashboard.trend(series(projectId, from, to).and("r.status = 'SUBMITTED'"), page);
  }

  /** The portfolio's BAC-weighted SPI and CPI per status date; by default the last 13 weeks. */
  @Transactional(readOnly = true)
  public Page<PortfolioFigures.TrendPoint> portfolioTrend(LocalDate from, LocalDate to, String category,
      PageRequest page, Viewer viewer) {
    LocalDate end = to != null ? to : today();
    LocalDate start = from != null ? from : end.minusWeeks(13);
    if (viewer.inAny(READ_RULE.readAll())) {
      return trend.read(start, end, category, page);
    }
    SqlFilter filter = scope(category, null, viewer).and("r.status_date >= :from", "from", start)
        .and("r.status_date <= :to", "to", end).and("r.status = 'SUBMITTED'");
    return dashboard.portfolioTrend(filter, page);
  }

  @Transactional(readOnly = true)
  public List<DashboardFigures.OpenEscalations> openEscalations(Viewer viewer) {
    boolean all = viewer.inAny(READ_RULE.readAll());
    return dashboard.openEscalations(all ? null : ReadRule.OWN_PROJECT, all ? null : viewer.id());
  }

  /** Change requests decided per month and their mean cycle time; by default the last 12 months. */
  @Transactional(readOnly = true)
  public Page<DashboardFigures.ChangeCycle> changeCycle(Long projectId, LocalDate from, LocalDate to,
      PageRequest page, Viewer viewer) {
    LocalDate end = to != null ? to : today();
    LocalDate start = from != null ? from : end.minusMonths(12).withDayOfMonth(1);
    SqlFilter filter = new SqlFilter().and("c.project_id = :project", "project", projectId)
        .and("d.decided_at >= :from", "from", PortfolioFigures.startOf(start))
        .and("d.decided_at < :to", "to", PortfolioFigures.startOf(end.plusDays(1)))
        .and("c.status in ('APPROVED', 'IMPLEMENTED', 'CLOSED', 'REJECTED')");
    if (!viewer.inAny(READ_RULE.readAll())) {
      filter.and("c." + ReadRule.OWN_PROJECT, "viewer", viewer.id());
    }
    return dashboard.changeCycle(filter, page);
  }

  @Transactional(readOnly = true)
  public Page<DashboardFigures.MissingReport> missingReports(String manager, Long projectId, PageRequest page,
      Viewer viewer) {
    SqlFilter filter = scope(null, manager, viewer).and("p.id = :project", "project", projectId)
        .and("r.status = 'DUE'").and("r.due_date < :today", "today", today());
    return dashboard.missingReports(filter, today(), page);
  }

  private SqlFilter scope(String category, String manager, Viewer viewer) {
    SqlFilter filter = new SqlFilter().and("p.category = :category", "category", category)
        .and("p.manager = :manager", "manager", manager);
    return viewer.inAny(READ_RULE.readAll()) ? filter
        : filter.and("p.id in (" + READ_RULE.ownIds() + ")", "viewer", viewer.id());
  }

  private static SqlFilter series(long projectId, LocalDate from, LocalDate to) {
    return new SqlFilter().and("r.project_id = :project", "project", projectId)
        .and("r.status_date >= :from", "from", from).and("r.status_date <= :to", "to", to);
  }

  /** A project the viewer may not see is not found, like one that does not exist. */
  void requireVisible(long projectId, Viewer viewer) {
    var project = projects.find(projectId);
    if (!viewer.inAny(READ_RULE.readAll()) && !viewer.id().equals(project.manager())
        && !viewer.id().equals(project.sponsor())) {
      throw NotFoundException.notVisible("project", projectId);
    }
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
