package pmo.performance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import pmo.project.Rag;

/**
 * The read model of the periodic reports: the figures of the portfolio over a period, read in SQL. Besides the
 * performance tables it reads, read-only, the registers of other capabilities that have no public aggregate read for a
 * period (risks, baselines written by approved change requests, gate decisions), as a report across the portfolio
 * must; it never writes them.
 */
@Repository
class PortfolioFigures {

  record ProjectRow(long projectId, String code, String name, String manager, Rag ragOverall, LocalDate statusDate,
      BigDecimal bac, BigDecimal plannedValue, BigDecimal earnedValue, BigDecimal actualCost, BigDecimal spi,
      BigDecimal cpi, BigDecimal spiT, BigDecimal eacTypical, BigDecimal vac, LocalDate forecastFinishEs,
      String kpiBand, Boolean trendFalling) {
  }

  record PlanRow(long id, String code, String status, String breach, OffsetDateTime openedAt) {
  }

  record RiskRow(long id, String code, String title, String level, Integer score, BigDecimal exposure) {
  }

  record ChangeRow(String code, Integer version, BigDecimal budgetAtCompletion, LocalDate plannedFinish,
      Long changeRequestId, OffsetDateTime createdAt) {
  }

  record GateRow(String code, String gate, String decision, String decidedBy, OffsetDateTime decidedAt) {
  }

  record TrendPoint(LocalDate statusDate, int reports, BigDecimal spi, BigDecimal cpi) {
  }

  private final JdbcClient jdbc;

  PortfolioFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Each project's latest submitted report up to {@code end}, with its KPIs. */
  List<ProjectRow> latestReports(LocalDate end) {
    return jdbc.sql("""
            select p.id as project_id, p.code, p.name, p.manager, r.rag_overall, r.status_date, r.bac, r.planned_value,
                   r.earned_value, r.actual_cost, r.spi, r.cpi, r.spi_t, r.eac_typical, r.vac, r.forecast_finish_es,
                   r.kpi_band, r.trend_falling
              from status_report r
              join (select project_id, max(status_date) as latest from status_report
                     where status = 'SUBMITTED' and status_date <= :end group by project_id) l
                on l.project_id = r.project_id and l.latest = r.status_date
              join project p on p.id = r.project_id
             order by p.code""").param("end", end).query(ProjectRow.class).list();
  }

  /** Plans opened in the period or still open at its end. */
  List<PlanRow> plans(LocalDate start, LocalDate end) {
    return jdbc.sql("""
            select i.id, p.code, i.status, i.breach, i.opened_at from improvement_plan i join project p on p.id = i.project_id
             where i.opened_at < :to and (i.closed_at is null or i.closed_at >= :from) order by i.id""")
        .param("from", startOf(start)).param("to", startOf(end.plusDays(1))).query(PlanRow.class).list();
  }

  /** The ten open risks with the highest score (then exposure). */
  List<RiskRow> topRisks() {
    return jdbc.sql("""
            select r.id, p.code, r.title, r.level, r.score, r.exposure from risk r join project p on p.id = r.project_id
             where r.status in ('RAISED', 'ASSESSED', 'MONITORING', 'ESCALATED') and r.score is not null
             order by r.score desc, r.exposure desc, r.id fetch first 10 rows only""").query(RiskRow.class).list();
  }

  /** Changes approved in the period: the baselines that approved change requests wrote. */
  List<ChangeRow> changesApproved(LocalDate start, LocalDate end) {
    return jdbc.sql("""
            select p.code, b.version, b.budget_at_completion, b.planned_finish, b.change_request_id, b.created_at
              from project_baseline b join project p on p.id = b.project_id
             where b.change_request_id is not null and b.created_at >= :from and b.created_at < :to order by b.id""")
        .param("from", startOf(start)).param("to", startOf(end.plusDays(1))).query(ChangeRow.class).list();
  }

  List<GateRow> gateDecisions(LocalDate start, LocalDate end) {
    return jdbc.sql("""
            select p.code, g.gate, g.decision, g.decided_by, g.decided_at from gate_decision g
              join project p on p.id = g.project_id
             where g.decided_at >= :from and g.decided_at < :to order by g.id""")
        .param("from", startOf(start)).param("to", startOf(end.plusDays(1))).query(GateRow.class).list();
  }

  static BigDecimal scaled(BigDecimal value) {
    return value == null ? null : value.setScale(4, java.math.RoundingMode.HALF_UP);
  }

  static OffsetDateTime startOf(LocalDate day) {
    return day.atStartOfDay().atOffset(ZoneOffset.UTC);
  }
}
