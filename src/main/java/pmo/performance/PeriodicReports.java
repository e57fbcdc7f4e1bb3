package pmo.performance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.notice.Text;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;
import pmo.platform.NotFoundException;
import pmo.platform.Roles;
import pmo.platform.engine.CurrentActor;
import pmo.project.Rag;

/**
 * The weekly, monthly and quarterly portfolio reports: generated for the period just ended (once per kind and period),
 * kept as they were generated (headline row, figures as JSON, printable HTML, CSV) and sent to the steering committee
 * and the PMO as notices through the outbox.
 */
@Service
class PeriodicReports {

  private final PortfolioFigures figures;
  private final PortfolioTrend trend;
  private final PeriodicReportRepository reports;
  private final PerformanceNotices notices;
  private final ObjectMapper json;
  private final AuditLog audit;
  private final CurrentActor actor;
  private final Clock clock;

  PeriodicReports(PortfolioFigures figures, PortfolioTrend trend, PeriodicReportRepository reports,
      PerformanceNotices notices, ObjectMapper json, AuditLog audit, CurrentActor actor, Clock clock) {
    this.figures = figures;
    this.trend = trend;
    this.reports = reports;
    this.notices = notices;
    this.json = json;
    this.audit = audit;
    this.actor = actor;
    this.clock = clock;
  }

  /**
   * Generates the report of the period of this kind that ended last; returns nothing when it was made already (by an
   * earlier run, which sent its notices).
   */
  @Transactional
  public Optional<PeriodicReport> generate(PeriodicReport.Kind kind, String processInstanceId) {
    LocalDate start = kind.start(LocalDate.now(clock));
    return reports.find(kind.name(), start).isPresent() ? Optional.empty()
        : Optional.of(generate(kind, start, processInstanceId));
  }

  /** The reports a run of performance-reports.bpmn made. */
  @Transactional(readOnly = true)
  public java.util.List<Long> madeBy(String processInstanceId) {
    return reports.idsOfProcess(processInstanceId);
  }

  @Transactional
  public PeriodicReport generate(PeriodicReport.Kind kind, LocalDate periodStart, String processInstanceId) {
    LocalDate end = kind.end(periodStart);
    List<PortfolioFigures.ProjectRow> rows = figures.latestReports(end);
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("kind", kind.name());
    content.put("periodStart", periodStart.toString());
    content.put("periodEnd", end.toString());
    content.put("projects", rows);
    content.put("plans", figures.plans(periodStart, end));
    content.put("topRisks", figures.topRisks());
    content.put("changesApproved", figures.changesApproved(periodStart, end));
    content.put("gateDecisions", figures.gateDecisions(periodStart, end));
    content.put("trend", trend.points(periodStart, end, null, 400, 0));
    int green = count(rows, Rag.GREEN);
    int amber = count(rows, Rag.AMBER);
    int red = count(rows, Rag.RED);
    int breaches = (int) rows.stream().filter(r -> "RED".equals(r.kpiBand())).count();
    @SuppressWarnings("unchecked")
    List<PortfolioFigures.PlanRow> plans = (List<PortfolioFigures.PlanRow>) content.get("plans");
    int openPlans = (int) plans.stream().filter(p -> !ImprovementPlan.CLOSED.equals(p.status())).count();
    BigDecimal bac = rows.stream().map(r -> r.bac() == null ? BigDecimal.ZERO : r.bac())
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    PeriodicReport headline = new PeriodicReport(0, kind.name(), periodStart, end, rows.size(), rows.size(), green,
        amber, red, breaches, openPlans, weighted(rows, true), weighted(rows, false), bac, actor.id(),
        OffsetDateTime.now(clock));
    String text;
    try {
      text = json.writeValueAsString(content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report's figures", e);
    }
    long id = reports.insert(headline, text, ReportDocuments.html(headline, content), ReportDocuments.csv(rows),
        processInstanceId);
    PeriodicReport created = reports.get(id).orElseThrow();
    audit.record(AuditEntry.created(PerformanceAudit.PERFORMANCE_REPORT_GENERATED, id, null, created));
    notices.queueToGroups(List.of(Roles.STEERING_COMMITTEE, Roles.PMO), Text.of("performance.periodic.subject",
        Text.of("performance.kind." + kind.name()), periodStart, end), ReportDocuments.noticeBody(created), null,
        PerformanceAudit.Entities.PERIODIC, id);
    return created;
  }

  @Transactional(readOnly = true)
  public PeriodicReport get(long id) {
    return reports.get(id).orElseThrow(() -> new NotFoundException("performance report", id));
  }

  private static int count(List<PortfolioFigures.ProjectRow> rows, Rag rag) {
    return (int) rows.stream().filter(r -> rag == r.ragOverall()).count();
  }

  /** The BAC-weighted mean of SPI or CPI over the projects where it is defined. */
  static BigDecimal weighted(List<PortfolioFigures.ProjectRow> rows, boolean spi) {
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal weights = BigDecimal.ZERO;
    for (PortfolioFigures.ProjectRow row : rows) {
      BigDecimal index = spi ? row.spi() : row.cpi();
      if (index != null && row.bac() != null) {
        sum = sum.add(row.bac().multiply(index));
        weights = weights.add(row.bac());
      }
    }
    return weights.signum() == 0 ? null : sum.divide(weights, 4, RoundingMode.HALF_UP);
  }
}
