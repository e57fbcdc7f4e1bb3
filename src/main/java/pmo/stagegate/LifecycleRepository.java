package pmo.stagegate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Which lifecycle runs for a project, and its post-project review. */
@Repository
class LifecycleRepository {

  private final JdbcClient jdbc;

  LifecycleRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record ReviewRow(ObjectivesMet objectivesMet, LocalDate baselineFinish, LocalDate actualFinish,
      int scheduleVarianceDays, BigDecimal baselineBudget, BigDecimal actualCost, BigDecimal costVariance,
      String wentWell, String toImprove) {
  }

  boolean lifecycleExists(long projectId) {
    return jdbc.sql("select count(*) from project_lifecycle where project_id = :p").param("p", projectId)
        .query(Long.class).single() > 0;
  }

  void insertLifecycle(long projectId, String processInstanceId, String startStage, OffsetDateTime now) {
    jdbc.sql("""
            insert into project_lifecycle (project_id, process_instance_id, start_stage, started_at)
            values (:p, :pi, :stage, :now)""")
        .param("p", projectId).param("pi", processInstanceId).param("stage", startStage).param("now", now).update();
  }

  boolean reviewExists(long projectId) {
    return jdbc.sql("select count(*) from post_project_review where project_id = :p").param("p", projectId)
        .query(Long.class).single() > 0;
  }

  long insertReview(long projectId, ReviewRow r, String reviewer, OffsetDateTime now, String processInstanceId) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into post_project_review (project_id, objectives_met, baseline_finish, actual_finish,
                   schedule_variance_days, baseline_budget, actual_cost, cost_variance, went_well, to_improve,
                   reviewed_by, reviewed_at, process_instance_id)
            values (:p, :objectives, :baselineFinish, :actualFinish, :scheduleVariance, :baselineBudget, :actualCost,
                    :costVariance, :wentWell, :toImprove, :by, :now, :pi)""")
        .param("p", projectId)
        .param("objectives", r.objectivesMet().name())
        .param("baselineFinish", r.baselineFinish())
        .param("actualFinish", r.actualFinish())
        .param("scheduleVariance", r.scheduleVarianceDays())
        .param("baselineBudget", r.baselineBudget())
        .param("actualCost", r.actualCost())
        .param("costVariance", r.costVariance())
        .param("wentWell", r.wentWell())
        .param("toImprove", r.toImprove())
        .param("by", reviewer)
        .param("now", now)
        .param("pi", processInstanceId)
        .update(key, "id");
    return key.getKey().longValue();
  }
}
