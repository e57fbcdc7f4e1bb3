package pmo.performance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.SimplePropertySqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import pmo.platform.RowLocks;

/** The tables {@code status_report} and {@code project_performance} (the latest figures of each project). */
@Repository
class StatusReportRepository {

  private final JdbcClient jdbc;
  private final RowLocks locks;
  private final PortfolioTrend trend;

  StatusReportRepository(JdbcClient jdbc, RowLocks locks, PortfolioTrend trend) {
    this.jdbc = jdbc;
    this.locks = locks;
    this.trend = trend;
  }

  long insertDue(long projectId, LocalDate statusDate, LocalDate dueDate, String processInstanceId,
      OffsetDateTime now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into status_report (project_id, status_date, due_date, status, process_instance_id, created_at)
            values (:project, :statusDate, :dueDate, 'DUE', :pi, :now)""")
        .param("project", projectId).param("statusDate", statusDate).param("dueDate", dueDate)
        .param("pi", processInstanceId).param("now", now)
        .update(key, "id");
    return key.getKey().longValue();
  }

  boolean exists(long projectId, LocalDate statusDate) {
    return jdbc.sql("select count(*) from status_report where project_id = :p and status_date = :d")
        .param("p", projectId).param("d", statusDate).query(Long.class).single() > 0;
  }

  Optional<StatusReport> find(long id) {
    return jdbc.sql("select * from status_report where id = :id").param("id", id).query(StatusReport.class)
        .optional();
  }

  Optional<StatusReport> lock(long id) {
    return jdbc.sql("select * from status_report where id = :id " + locks.forUpdate()).param("id", id)
        .query(StatusReport.class).optional();
  }

  Optional<Long> idOfProcess(String processInstanceId) {
    return jdbc.sql("select id from status_report where process_instance_id = :pi").param("pi", processInstanceId)
        .query(Long.class).optional();
  }

  List<StatusReport> dueOfProject(long projectId) {
    return jdbc.sql("select * from status_report where project_id = :p and status = 'DUE' order by id")
        .param("p", projectId).query(StatusReport.class).list();
  }

  /** The project's latest submitted reports before {@code statusDate}, newest first. */
  List<StatusReport> previous(long projectId, LocalDate statusDate, int count) {
    return jdbc.sql("""
            select * from status_report where project_id = :p and status = 'SUBMITTED' and status_date < :d
             order by status_date desc fetch first :n rows only""")
        .param("p", projectId).param("d", statusDate).param("n", count).query(StatusReport.class).list();
  }

  /**
   * Writes the submitted figures and KPIs (every column of the report but its identity and creation) and adds them to
   * the portfolio trend under the project's {@code category}, in the same transaction.
   */
  void writeSubmission(StatusReport r, String category) {
    jdbc.sql("""
            update status_report set status = :status, rag_schedule = :ragSchedule, rag_cost = :ragCost,
                   rag_scope = :ragScope, rag_quality = :ragQuality, rag_overall = :ragOverall,
                   percent_complete = :percentComplete, earned_value = :earnedValue, actual_cost = :actualCost,
                   milestones = :milestones, narrative = :narrative, next_steps = :nextSteps,
                   help_needed = :helpNeeded, improvement_progress = :improvementProgress,
                   baseline_version = :baselineVersion, bac = :bac, planned_value = :plannedValue, sv = :sv,
                   cv = :cv, spi = :spi, cpi = :cpi, eac_typical = :eacTypical, eac_atypical = :eacAtypical,
                   eac_combined = :eacCombined, etc = :etc, vac = :vac, tcpi = :tcpi, planned_days = :plannedDays,
                   actual_days = :actualDays, es_days = :esDays, spi_t = :spiT, sv_t_days = :svTDays,
                   forecast_finish_es = :forecastFinishEs, forecast_finish_spi = :forecastFinishSpi,
                   milestones_due = :milestonesDue, milestones_on_time = :milestonesOnTime,
                   open_high_risks = :openHighRisks, change_cycle_days = :changeCycleDays,
                   issue_sla_rate = :issueSlaRate, kpi_band = :kpiBand, trend_falling = :trendFalling,
                   improvement_plan_id = :improvementPlanId, submitted_by = :submittedBy,
                   submitted_at = :submittedAt
             where id = :id""")
        .paramSource(names(r)).update();
    if (StatusReport.SUBMITTED.equals(r.status())) {
      trend.add(r, category);
    }
  }

  /** The report's properties as parameters, choices as the names the columns keep (the driver takes no enum). */
  private static SimplePropertySqlParameterSource names(StatusReport r) {
    return new SimplePropertySqlParameterSource(r) {
      @Override
      public Object getValue(String name) {
        Object value = super.getValue(name);
        return value instanceof Enum<?> choice ? choice.name() : value;
      }
    };
  }

  void setPlan(long id, long planId) {
    jdbc.sql("update status_report set improvement_plan_id = :plan where id = :id").param("plan", planId)
        .param("id", id).update();
  }

  void cancel(long id, String reason) {
    jdbc.sql("update status_report set status = 'CANCELLED', closed_reason = :reason where id = :id")
        .param("reason", reason).param("id", id).update();
  }

  /** The latest figures of the project: one row per project, replaced by each newer submitted report. */
  void upsertLatest(StatusReport r, java.time.LocalDate plannedFinish, Long openPlanId, OffsetDateTime now) {
    Map<String, Object> values = new java.util.HashMap<>();
    values.put("project", r.projectId());
    values.put("report", r.id());
    values.put("statusDate", r.statusDate());
    values.put("rag", r.ragOverall().name());
    values.put("bac", r.bac());
    values.put("pv", r.plannedValue());
    values.put("ev", r.earnedValue());
    values.put("ac", r.actualCost());
    values.put("spi", r.spi());
    values.put("cpi", r.cpi());
    values.put("spiT", r.spiT());
    values.put("eac", r.eacTypical());
    values.put("finishEs", r.forecastFinishEs());
    values.put("finishSpi", r.forecastFinishSpi());
    values.put("plannedFinish", plannedFinish);
    values.put("band", r.kpiBand());
    values.put("trend", Boolean.TRUE.equals(r.trendFalling()));
    values.put("plan", openPlanId);
    values.put("now", now);
    int updated = jdbc.sql("""
            update project_performance set report_id = :report, status_date = :statusDate, rag_overall = :rag,
                   bac = :bac, planned_value = :pv, earned_value = :ev, actual_cost = :ac, spi = :spi, cpi = :cpi,
                   spi_t = :spiT, eac_typical = :eac, forecast_finish_es = :finishEs,
                   forecast_finish_spi = :finishSpi, planned_finish = :plannedFinish, kpi_band = :band,
                   trend_falling = :trend, open_plan_id = :plan, updated_at = :now
             where project_id = :project and status_date <= :statusDate""").params(values).update();
    if (updated == 0 && latest(r.projectId()).isEmpty()) {
      jdbc.sql("""
              insert into project_performance (project_id, report_id, status_date, rag_overall, bac, planned_value,
                     earned_value, actual_cost, spi, cpi, spi_t, eac_typical, forecast_finish_es, forecast_finish_spi,
                     planned_finish, kpi_band, trend_falling, open_plan_id, updated_at)
              values (:project, :report, :statusDate, :rag, :bac, :pv, :ev, :ac, :spi, :cpi, :spiT, :eac, :finishEs,
                      :finishSpi, :plannedFinish, :band, :trend, :plan, :now)""").params(values).update();
    }
  }

  /** The latest figures of the project: which report they come from and its open improvement plan. */
  record Latest(long reportId, LocalDate statusDate, String kpiBand, Long openPlanId) {
  }

  Optional<Latest> latest(long projectId) {
    return jdbc.sql("""
            select report_id, status_date, kpi_band, open_plan_id from project_performance where project_id = :p""")
        .param("p", projectId).query(Latest.class).optional();
  }

  void setOpenPlanOfLatest(long projectId, Long planId) {
    jdbc.sql("update project_performance set open_plan_id = :plan where project_id = :p")
        .param("plan", planId).param("p", projectId).update();
  }
}
