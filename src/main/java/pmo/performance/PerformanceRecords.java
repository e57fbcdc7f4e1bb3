package pmo.performance;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.platform.NotFoundException;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.SqlFilter;

/** Reads of the improvement plans and the periodic reports (the PMO, the steering committee, auditors). */
@Service
class PerformanceRecords {

  private final ImprovementPlanRepository plans;
  private final ImprovementPlans planService;
  private final PeriodicReportRepository reports;

  PerformanceRecords(ImprovementPlanRepository plans, ImprovementPlans planService,
      PeriodicReportRepository reports) {
    this.plans = plans;
    this.planService = planService;
    this.reports = reports;
  }

  @Transactional(readOnly = true)
  public Page<ImprovementPlan> plans(String status, Long projectId, PageRequest page) {
    return plans.list(new SqlFilter().and("status = :status", "status", status)
        .and("project_id = :project", "project", projectId), page);
  }

  @Transactional(readOnly = true)
  public ImprovementPlan.Details plan(long id) {
    return planService.details(id);
  }

  @Transactional(readOnly = true)
  public Page<PeriodicReport> periodicReports(PeriodicReport.Kind kind, PageRequest page) {
    return reports.list(new SqlFilter().and("kind = :kind", "kind", kind), page);
  }

  @Transactional(readOnly = true)
  public PeriodicReport periodicReport(long id) {
    return reports.get(id).orElseThrow(() -> new NotFoundException("performance report", id));
  }

  /** The HTML page or CSV ({@code kind}: html or csv) as generated. */
  @Transactional(readOnly = true)
  public String document(long id, String kind) {
    if (!kind.equals("html") && !kind.equals("csv")) {
      throw new IllegalArgumentException(kind);
    }
    return reports.document(id, kind).orElseThrow(() -> new NotFoundException("performance report", id));
  }
}
