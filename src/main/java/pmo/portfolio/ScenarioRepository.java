package pmo.portfolio;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.RowLocks;
import pmo.platform.SqlFilter;

/** Saved what-if scenarios (portfolio_scenario). */
@Repository
class ScenarioRepository {

  private final JdbcClient jdbc;
  private final RowLocks locks;

  ScenarioRepository(JdbcClient jdbc, RowLocks locks) {
    this.jdbc = jdbc;
    this.locks = locks;
  }

  record Row(long id, String name, String parameters, String inputs, String result, BigDecimal objective,
      String status, String createdBy, OffsetDateTime createdAt, String runBy, OffsetDateTime runAt, int runs,
      String committedBy, OffsetDateTime committedAt, Long reviewId) {
  }

  /** A scenario in a list: without its inputs and result. */
  record Summary(long id, String name, BigDecimal objective, String status, String createdBy,
      OffsetDateTime createdAt, String runBy, OffsetDateTime runAt, int runs, String committedBy,
      OffsetDateTime committedAt, Long reviewId) {
  }

  long insert(String name, String parameters, String inputs, String result, double objective, String status,
      String by, OffsetDateTime at) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into portfolio_scenario (name, parameters, inputs, result, objective, status, created_by,
                                            created_at, run_by, run_at, runs)
            values (:name, :parameters, :inputs, :result, :objective, :status, :by, :at, :by, :at, 1)""")
        .param("name", name).param("parameters", parameters).param("inputs", inputs).param("result", result)
        .param("objective", BigDecimal.valueOf(objective)).param("status", status).param("by", by).param("at", at)
        .update(key, "id");
    return key.getKey().longValue();
  }

  void rerun(long id, String inputs, String result, double objective, String status, String by, OffsetDateTime at) {
    jdbc.sql("""
            update portfolio_scenario set inputs = :inputs, result = :result, objective = :objective,
                   status = :status, run_by = :by, run_at = :at, runs = runs + 1
             where id = :id""")
        .param("inputs", inputs).param("result", result).param("objective", BigDecimal.valueOf(objective))
        .param("status", status).param("by", by).param("at", at).param("id", id).update();
  }

  Optional<Row> find(long id) {
    return jdbc.sql("select * from portfolio_scenario where id = :id").param("id", id).query(Row.class).optional();
  }

  Optional<Row> lock(long id) {
    return jdbc.sql("select * from portfolio_scenario where id = :id " + locks.forUpdate()).param("id", id)
        .query(Row.class).optional();
  }

  Page<Summary> list(PageRequest page) {
    return new SqlFilter().page(jdbc, """
        select id, name, objective, status, created_by, created_at, run_by, run_at, runs, committed_by,
               committed_at, review_id""", "portfolio_scenario", "id desc", page, Summary.class);
  }

  /** Commits one scenario: every other committed scenario not yet taken up by a review is uncommitted. */
  void commit(long id, String by, OffsetDateTime at) {
    jdbc.sql("""
            update portfolio_scenario set committed_by = null, committed_at = null
             where committed_at is not null and review_id is null and id <> :id""").param("id", id).update();
    jdbc.sql("update portfolio_scenario set committed_by = :by, committed_at = :at where id = :id")
        .param("by", by).param("at", at).param("id", id).update();
  }

  /** The committed scenario that no review has taken up yet, locked. */
  Optional<Row> lockCommitted() {
    return jdbc.sql("select * from portfolio_scenario where committed_at is not null and review_id is null "
            + "order by committed_at desc, id desc " + locks.forUpdate())
        .query(Row.class).stream().findFirst();
  }

  void takenUpBy(long id, long reviewId) {
    jdbc.sql("update portfolio_scenario set review_id = :review where id = :id").param("review", reviewId)
        .param("id", id).update();
  }
}
