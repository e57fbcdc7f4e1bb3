package pmo.performance;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.RowLocks;
import pmo.platform.SqlFilter;

/** The tables {@code improvement_plan} and {@code improvement_action}. */
@Repository
class ImprovementPlanRepository {

  private final JdbcClient jdbc;
  private final RowLocks locks;

  ImprovementPlanRepository(JdbcClient jdbc, RowLocks locks) {
    this.jdbc = jdbc;
    this.locks = locks;
  }

  long insert(long projectId, String breach, long reportId, OffsetDateTime now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into improvement_plan (project_id, status, breach, opened_by_report_id, opened_at)
            values (:project, 'DRAFTING', :breach, :report, :now)""")
        .param("project", projectId).param("breach", breach).param("report", reportId).param("now", now)
        .update(key, "id");
    return key.getKey().longValue();
  }

  Optional<ImprovementPlan> find(long id) {
    return jdbc.sql("select * from improvement_plan where id = :id").param("id", id).query(ImprovementPlan.class)
        .optional();
  }

  Optional<ImprovementPlan> lock(long id) {
    return jdbc.sql("select * from improvement_plan where id = :id " + locks.forUpdate()).param("id", id)
        .query(ImprovementPlan.class).optional();
  }

  Optional<Long> idOfProcess(String processInstanceId) {
    return jdbc.sql("select id from improvement_plan where process_instance_id = :pi")
        .param("pi", processInstanceId).query(Long.class).optional();
  }

  Optional<Long> openOfProject(long projectId) {
    return jdbc.sql("""
            select id from improvement_plan where project_id = :p and status <> 'CLOSED' order by id desc
            fetch first 1 rows only""").param("p", projectId).query(Long.class).optional();
  }

  /** Sets the given columns (names are the code's, never a user's) and counts the row's version up. */
  void update(long id, Map<String, Object> set) {
    StringBuilder sql = new StringBuilder("update improvement_plan set row_version = row_version + 1");
    set.keySet().forEach(column -> sql.append(", ").append(column).append(" = :").append(column));
    jdbc.sql(sql + " where id = :id").params(set).param("id", id).update();
  }

  void replaceActions(long planId, List<ImprovementPlan.Action> actions) {
    jdbc.sql("delete from improvement_action where plan_id = :id").param("id", planId).update();
    for (ImprovementPlan.Action a : actions) {
      jdbc.sql("""
              insert into improvement_action (plan_id, seq, action, owner, due_date)
              values (:plan, :seq, :action, :owner, :due)""")
          .param("plan", planId).param("seq", a.seq()).param("action", a.action()).param("owner", a.owner())
          .param("due", a.dueDate()).update();
    }
  }

  List<ImprovementPlan.Action> actions(long planId) {
    return jdbc.sql("select seq, action, owner, due_date from improvement_action where plan_id = :id order by seq")
        .param("id", planId).query(ImprovementPlan.Action.class).list();
  }

  List<Long> followUps(long planId) {
    return jdbc.sql("select id from status_report where improvement_plan_id = :id order by status_date")
        .param("id", planId).query(Long.class).list();
  }

  Page<ImprovementPlan> list(SqlFilter filter, PageRequest page) {
    return filter.page(jdbc, "select *", "improvement_plan", "id desc", page, ImprovementPlan.class);
  }
}
