package pmo.performance;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.SqlFilter;

/**
 * The dashboard's reads: each a few indexed queries over the latest figures of each project
 * ({@code project_performance}, one row per project) or one project's reports, paged. The open escalations and the
 * change cycle time read the registers of risks, issues and change requests read-only (see {@link PortfolioFigures}).
 */
@Repository
class DashboardRepository {

  static final String LATEST = "project_performance f join project p on p.id = f.project_id";
  static final String KPI_COLUMNS = """
      select p.id as project_id, p.code, p.name, p.manager, p.category, f.status_date, f.rag_overall, f.kpi_band,
             f.bac, f.planned_value, f.earned_value, f.actual_cost, f.spi, f.cpi, f.spi_t, f.eac_typical,
             f.planned_finish, f.forecast_finish_es, f.forecast_finish_spi, f.trend_falling, f.open_plan_id""";
  static final String RANKED = "case f.kpi_band when 'RED' then 0 when 'AMBER' then 1 else 2 end, f.spi, p.id";

  private final JdbcClient jdbc;

  DashboardRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * {@code projects} filters {@code project p}, {@code latest} the latest figures ({@code f}, {@code p}),
   * {@code missing} the due reports past their day ({@code r}, {@code p}).
   */
  DashboardFigures.Portfolio portfolio(SqlFilter projects, SqlFilter latest, SqlFilter missing) {
    long inExecution = projects.bind(jdbc.sql("select count(*) from project p" + projects.where()))
        .query(Long.class).single();
    DashboardFigures.Portfolio figures = latest.bind(jdbc.sql("""
            select count(*),
                   coalesce(sum(case when f.rag_overall = 'GREEN' then 1 else 0 end), 0),
                   coalesce(sum(case when f.rag_overall = 'AMBER' then 1 else 0 end), 0),
                   coalesce(sum(case when f.rag_overall = 'RED' then 1 else 0 end), 0),
                   coalesce(sum(case when f.kpi_band = 'GREEN' then 1 else 0 end), 0),
                   coalesce(sum(case when f.kpi_band = 'AMBER' then 1 else 0 end), 0),
                   coalesce(sum(case when f.kpi_band = 'RED' then 1 else 0 end), 0),
                   sum(f.bac * f.spi) / nullif(sum(case when f.spi is not null then f.bac end), 0),
                   sum(f.bac * f.cpi) / nullif(sum(case when f.cpi is not null then f.bac end), 0),
                   coalesce(sum(f.bac), 0),
                   coalesce(sum(case when f.open_plan_id is not null then 1 else 0 end), 0),
                   coalesce(sum(case when f.trend_falling then 1 else 0 end), 0)
              from\s""" + LATEST + latest.where()))
        .query((rs, n) -> new DashboardFigures.Portfolio(inExecution, rs.getLong(1), rs.getLong(2), rs.getLong(3),
            rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), PortfolioFigures.scaled(rs.getBigDecimal(8)),
            PortfolioFigures.scaled(rs.getBigDecimal(9)), rs.getBigDecimal(10), rs.getLong(11), 0, rs.getLong(12)))
        .single();
    long late = missing.bind(jdbc.sql("select count(*) from status_report r join project p on p.id = r.project_id"
        + missing.where())).query(Long.class).single();
    return new DashboardFigures.Portfolio(figures.projects(), figures.reporting(), figures.green(), figures.amber(),
        figures.red(), figures.bandGreen(), figures.bandAmber(), figures.bandRed(), figures.spi(), figures.cpi(),
        figures.bac(), figures.openPlans(), late, figures.trendFalling());
  }

  Page<DashboardFigures.ProjectKpis> projects(SqlFilter filter, PageRequest page) {
    return filter.page(jdbc, KPI_COLUMNS, LATEST, RANKED, page, DashboardFigures.ProjectKpis.class);
  }

  Page<DashboardFigures.ProjectKpis> forecasts(SqlFilter filter, PageRequest page) {
    return filter.page(jdbc, KPI_COLUMNS, LATEST, "f.forecast_finish_es desc nulls last, p.id", page,
        DashboardFigures.ProjectKpis.class);
  }

  Page<DashboardFigures.CurvePoint> curve(SqlFilter filter, PageRequest page) {
    return filter.page(jdbc, "select r.status_date, r.bac, r.planned_value, r.earned_value, r.actual_cost",
        "status_report r", "r.status_date", page, DashboardFigures.CurvePoint.class);
  }

  Page<DashboardFigures.TrendPoint> trend(SqlFilter filter, PageRequest page) {
    return filter.page(jdbc, """
            select r.status_date, r.spi, r.cpi, r.spi_t, r.eac_typical, r.eac_atypical, r.eac_combined,
                   r.forecast_finish_es, r.forecast_finish_spi, r.trend_falling""",
        "status_report r", "r.status_date", page, DashboardFigures.TrendPoint.class);
  }

  Page<StatusReport> reports(SqlFilter filter, PageRequest page) {
    return filter.page(jdbc, "select r.*", "status_report r", "r.status_date desc", page, StatusReport.class);
  }

  Page<DashboardFigures.MissingReport> missingReports(SqlFilter filter, LocalDate today, PageRequest page) {
    Page<Row> rows = filter.page(jdbc, """
            select r.id as report_id, p.id as project_id, p.code, p.name, p.manager, r.status_date, r.due_date""",
        "status_report r join project p on p.id = r.project_id", "r.due_date, r.id", page, Row.class);
    return new Page<>(rows.items().stream().map(r -> new DashboardFigures.MissingReport(r.reportId(), r.projectId(),
        r.code(), r.name(), r.manager(), r.statusDate(), r.dueDate(), ChronoUnit.DAYS.between(r.dueDate(), today)))
        .toList(), rows.page(), rows.size(), rows.total());
  }

  record Row(long reportId, long projectId, String code, String name, String manager, LocalDate statusDate,
      LocalDate dueDate) {
  }

  /** Escalated cases not yet settled: risks and issues ESCALATED, change requests and status reports still waiting. */
  List<DashboardFigures.OpenEscalations> openEscalations(String projectCondition, Object viewer) {
    String own = projectCondition == null ? "" : " and x." + projectCondition;
    String sql = """
        select 'RISK' as entity_type, count(*) as open from risk x where x.status = 'ESCALATED'%1$s
        union all
        select 'ISSUE', count(*) from issue x where x.status = 'ESCALATED'%1$s
        union all
        select 'CHANGE_REQUEST', count(*) from change_request x where x.status = 'IN_APPROVAL'%1$s and exists
          (select 1 from escalation e where e.entity_type = 'CHANGE_REQUEST' and e.entity_id = x.id)
        union all
        select 'STATUS_REPORT', count(*) from status_report x where x.status = 'DUE'%1$s and exists
          (select 1 from escalation e where e.entity_type = 'STATUS_REPORT' and e.entity_id = x.id
                                         and e.kind = 'ESCALATION')""".formatted(own);
    var statement = jdbc.sql(sql);
    if (viewer != null) {
      statement = statement.param("viewer", viewer);
    }
    return statement.query(DashboardFigures.OpenEscalations.class).list();
  }

  /** Per month: change requests decided (approved, rejected) and the mean days from raising to the last decision. */
  Page<DashboardFigures.ChangeCycle> changeCycle(SqlFilter filter, PageRequest page) {
    List<Cycle> cycles = filter.bind(jdbc.sql("""
            select c.created_at, d.decided_at from change_request c
              join (select change_request_id, max(decided_at) as decided_at from change_approval
                     group by change_request_id) d on d.change_request_id = c.id""" + filter.where()
            + " order by d.decided_at"))
        .query(Cycle.class).list();
    java.util.Map<String, double[]> months = new java.util.TreeMap<>();
    for (Cycle c : cycles) {
      double[] m = months.computeIfAbsent(c.decidedAt().toLocalDate().withDayOfMonth(1).toString().substring(0, 7),
          k -> new double[2]);
      m[0]++;
      m[1] += java.time.Duration.between(c.createdAt(), c.decidedAt()).toSeconds() / 86400.0;
    }
    List<DashboardFigures.ChangeCycle> all = months.entrySet().stream()
        .map(e -> new DashboardFigures.ChangeCycle(e.getKey(), (long) e.getValue()[0],
            java.math.BigDecimal.valueOf(e.getValue()[1] / e.getValue()[0]).setScale(2,
                java.math.RoundingMode.HALF_UP))).toList();
    int from = (int) Math.min(all.size(), page.offset());
    return Page.of(all.subList(from, Math.min(all.size(), from + page.size())), page, all.size());
  }

  /**
   * The BAC-weighted SPI and CPI per status date of the reports ({@code r}) of the projects ({@code p}) a restricted
   * viewer may read, summed live over those few projects; readers of the whole portfolio read {@link PortfolioTrend}.
   */
  Page<PortfolioFigures.TrendPoint> portfolioTrend(SqlFilter filter, PageRequest page) {
    String from = "status_report r join project p on p.id = r.project_id";
    List<PortfolioFigures.TrendPoint> points = filter.bind(jdbc.sql("select r.status_date, count(*) as reports,"
            + " sum(r.bac * r.spi) / nullif(sum(case when r.spi is not null then r.bac end), 0) as spi,"
            + " sum(r.bac * r.cpi) / nullif(sum(case when r.cpi is not null then r.bac end), 0) as cpi"
            + " from " + from + filter.where()
            + " group by r.status_date order by r.status_date limit :pageLimit offset :pageOffset"))
        .param("pageLimit", page.size()).param("pageOffset", page.offset())
        .query((rs, n) -> new PortfolioFigures.TrendPoint(rs.getObject(1, LocalDate.class), rs.getInt(2),
            PortfolioFigures.scaled(rs.getBigDecimal(3)), PortfolioFigures.scaled(rs.getBigDecimal(4)))).list();
    long total = points.size() < page.size() && (page.page() == 0 || !points.isEmpty())
        ? page.offset() + points.size()
        : filter.bind(jdbc.sql("select count(distinct r.status_date) from " + from + filter.where()))
            .query(Long.class).single();
    return Page.of(points, page, total);
  }

  record Cycle(java.time.OffsetDateTime createdAt, java.time.OffsetDateTime decidedAt) {
  }
}
