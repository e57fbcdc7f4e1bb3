package pmo.performance;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.engine.CurrentActor;
import pmo.project.Rag;
import pmo.risk.HeatMap;
import pmo.risk.RiskRegister;

/**
 * Performance monitoring over REST: every figure of the dashboard (/dashboard/) is an endpoint here, paged and
 * filtered; the status report submission of a project's manager; the periodic reports with their HTML and CSV.
 */
@RestController
@RequestMapping("/api/performance")
class PerformanceController {

  static final String PORTFOLIO_READERS = "hasAnyAuthority('pmo', 'steering-committee', 'auditors', 'camunda-admin')";

  private final PerformanceReads reads;
  private final PerformanceRecords records;
  private final StatusReportApi submissions;
  private final RiskRegister risks;
  private final CurrentActor actor;

  PerformanceController(PerformanceReads reads, PerformanceRecords records, StatusReportApi submissions,
      RiskRegister risks, CurrentActor actor) {
    this.reads = reads;
    this.records = records;
    this.submissions = submissions;
    this.risks = risks;
    this.actor = actor;
  }

  @GetMapping("/portfolio")
  DashboardFigures.Portfolio portfolio(@RequestParam(required = false) String category,
      @RequestParam(required = false) String manager) {
    return reads.portfolio(category, manager, actor.viewer());
  }

  @GetMapping("/projects")
  Page<DashboardFigures.ProjectKpis> projects(@RequestParam(required = false) String category,
      @RequestParam(required = false) String manager, @RequestParam(required = false) Rag rag,
      @RequestParam(required = false) Band band, @RequestParam(required = false) Boolean trendFalling,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return reads.projects(category, manager, rag,
        band == null ? null : band.name(), trendFalling, PageRequest.of(page, size), actor.viewer());
  }

  @GetMapping("/projects/{id}")
  PerformanceReads.ProjectPerformance project(@PathVariable long id) {
    return reads.project(id, actor.viewer());
  }

  @GetMapping("/projects/{id}/reports")
  Page<StatusReport> reports(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(
      iso = DateTimeFormat.ISO.DATE) LocalDate from, @RequestParam(required = false) @DateTimeFormat(
      iso = DateTimeFormat.ISO.DATE) LocalDate to, @RequestParam(required = false) ReportStatus status,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return reads.reports(id, from, to, status == null ? null : status.name(), PageRequest.of(page, size),
        actor.viewer());
  }

  @GetMapping("/projects/{id}/s-curve")
  Page<DashboardFigures.CurvePoint> curve(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(
      iso = DateTimeFormat.ISO.DATE) LocalDate from, @RequestParam(required = false) @DateTimeFormat(
      iso = DateTimeFormat.ISO.DATE) LocalDate to, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return reads.curve(id, from, to, PageRequest.of(page, size), actor.viewer());
  }

  @GetMapping("/projects/{id}/trend")
  Page<DashboardFigures.TrendPoint> projectTrend(@PathVariable long id, @RequestParam(required = false)
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from, @RequestParam(required = false)
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return reads.trend(id, from, to, PageRequest.of(page, size), actor.viewer());
  }

  /** Submits the project's oldest due status report (its manager only), with the fields of the Tasklist form. */
  @PostMapping("/projects/{id}/status-report")
  @PreAuthorize("hasAuthority('project-managers')")
  StatusReport submit(@PathVariable long id, @RequestBody ReportDraft report) {
    return submissions.submit(id, report);
  }

  @GetMapping("/trend")
  Page<PortfolioFigures.TrendPoint> portfolioTrend(@RequestParam(required = false) @DateTimeFormat(
      iso = DateTimeFormat.ISO.DATE) LocalDate from, @RequestParam(required = false) @DateTimeFormat(
      iso = DateTimeFormat.ISO.DATE) LocalDate to, @RequestParam(required = false) String category,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return reads.portfolioTrend(from, to, category, PageRequest.of(page, size), actor.viewer());
  }

  @GetMapping("/forecast")
  Page<DashboardFigures.ProjectKpis> forecast(@RequestParam(required = false) String category,
      @RequestParam(required = false) String manager, @RequestParam(required = false) Boolean late,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return reads.forecasts(category, manager, late, PageRequest.of(page, size), actor.viewer());
  }

  @GetMapping("/risk-heat-map")
  HeatMap heatMap(@RequestParam(required = false) Long projectId) {
    return risks.heatMap(projectId, actor.viewer());
  }

  @GetMapping("/escalations")
  List<DashboardFigures.OpenEscalations> escalations() {
    return reads.openEscalations(actor.viewer());
  }

  @GetMapping("/change-cycle-time")
  Page<DashboardFigures.ChangeCycle> changeCycle(@RequestParam(required = false) Long projectId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return reads.changeCycle(projectId, from, to, PageRequest.of(page, size), actor.viewer());
  }

  @GetMapping("/missing-reports")
  Page<DashboardFigures.MissingReport> missing(@RequestParam(required = false) String manager,
      @RequestParam(required = false) Long projectId, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return reads.missingReports(manager, projectId, PageRequest.of(page, size), actor.viewer());
  }

  @GetMapping("/plans")
  @PreAuthorize(PORTFOLIO_READERS)
  Page<ImprovementPlan> plans(@RequestParam(required = false) PlanStatus status,
      @RequestParam(required = false) Long projectId, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return records.plans(status == null ? null : status.name(), projectId, PageRequest.of(page, size));
  }

  @GetMapping("/plans/{id}")
  @PreAuthorize(PORTFOLIO_READERS)
  ImprovementPlan.Details plan(@PathVariable long id) {
    return records.plan(id);
  }

  @GetMapping("/reports")
  @PreAuthorize(PORTFOLIO_READERS)
  Page<PeriodicReport> periodicReports(@RequestParam(required = false) PeriodicReport.Kind kind,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return records.periodicReports(kind, PageRequest.of(page, size));
  }

  @GetMapping("/reports/{id}")
  @PreAuthorize(PORTFOLIO_READERS)
  PeriodicReport periodicReport(@PathVariable long id) {
    return records.periodicReport(id);
  }

  @GetMapping(value = "/reports/{id}/html", produces = MediaType.TEXT_HTML_VALUE)
  @PreAuthorize(PORTFOLIO_READERS)
  ResponseEntity<String> html(@PathVariable long id) {
    return ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
        .body(records.document(id, "html"));
  }

  @GetMapping(value = "/reports/{id}/csv", produces = "text/csv")
  @PreAuthorize(PORTFOLIO_READERS)
  ResponseEntity<String> csv(@PathVariable long id) {
    return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header("Content-Disposition", "attachment; filename=\"performance-report-" + id + ".csv\"")
        .body(records.document(id, "csv"));
  }

  enum Band { GREEN, AMBER, RED }

  enum ReportStatus { DUE, SUBMITTED, CANCELLED }

  enum PlanStatus { DRAFTING, IN_AGREEMENT, AGREED, CLOSED }
}
