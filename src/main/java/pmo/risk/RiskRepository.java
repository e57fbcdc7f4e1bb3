package pmo.risk;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import pmo.platform.TransactionCache;
import pmo.platform.ConflictException;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.ReadRule;
import pmo.platform.Roles;
import pmo.platform.RowLocks;
import pmo.platform.SqlFilter;
import pmo.platform.Viewer;

@Repository
class RiskRepository {

  static final String OPEN = "status in ('RAISED', 'ASSESSED', 'MONITORING', 'ESCALATED')";

  private final JdbcClient jdbc;
  private final RowLocks locks;
  /** A risk is read once per transaction; see {@link TransactionCache}. */
  private final TransactionCache.Rows<Risk> rows;
  private final TransactionCache.CaseIds idsByProcess = new TransactionCache.CaseIds();

  RiskRepository(JdbcClient jdbc, RowLocks locks, TransactionCache cache) {
    this.jdbc = jdbc;
    this.locks = locks;
    this.rows = cache.rows("risk");
  }

  long insert(NewRisk r, String raisedBy, String processInstanceId, OffsetDateTime now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into risk (project_id, title, description, category, cause, effect, owner, raised_by, due_date,
                              status, process_instance_id, created_at, updated_at)
            values (:project, :title, :description, :category, :cause, :effect, :owner, :raisedBy, :dueDate,
                    :status, :pi, :now, :now)""")
        .param("project", r.projectId())
        .param("title", r.title())
        .param("description", r.description())
        .param("category", r.category())
        .param("cause", r.cause())
        .param("effect", r.effect())
        .param("owner", r.owner())
        .param("raisedBy", raisedBy)
        .param("dueDate", r.dueDate())
        .param("status", RiskStatus.RAISED.name())
        .param("pi", processInstanceId)
        .param("now", now)
        .update(key, "id");
    return key.getKey().longValue();
  }

  Optional<Risk> find(long id) {
    return rows.find(id, key -> jdbc.sql("select * from risk where id = :id").param("id", key).query(Risk.class)
        .optional());
  }

  /**
   * Reads a risk and locks its row until the transaction ends (a process step and a cancellation queue up); a risk
   * this transaction has locked or written already is not read again.
   */
  Optional<Risk> lock(long id) {
    return rows.lock(id, key -> jdbc.sql("select * from risk where id = :id " + locks.forUpdate()).param("id", key)
        .query(Risk.class).optional());
  }

  Optional<Long> idOfProcess(String processInstanceId) {
    return idsByProcess.of(processInstanceId, pi -> jdbc.sql("select id from risk where process_instance_id = :pi")
        .param("pi", pi).query(Long.class).optional());
  }

  List<Risk> openOfProject(long projectId) {
    return jdbc.sql("select * from risk where project_id = :project and " + OPEN + " order by id")
        .param("project", projectId).query(Risk.class).list();
  }

  /**
   * Updates the given columns of a risk that is still at its row version; {@code columns} maps column names (fixed by
   * the callers in this package, never user input) to values.
   */
  void update(Risk risk, Map<String, Object> columns, OffsetDateTime now) {
    StringBuilder set = new StringBuilder();
    columns.keySet().forEach(column -> set.append(column).append(" = :").append(column).append(", "));
    int updated = jdbc.sql("update risk set " + set + "updated_at = :now, row_version = row_version + 1"
            + " where id = :id and row_version = :version")
        .params(columns)
        .param("now", now)
        .param("id", risk.id())
        .param("version", risk.rowVersion())
        .update();
    this.rows.written(risk.id());
    if (updated != 1) {
      throw new ConflictException("risk " + risk.id() + " was changed by someone else meanwhile; reload and retry");
    }
  }

  void insertAssessment(long riskId, AssessmentKind kind, Risk assessed, RiskDecision decision, String comment,
      String by, OffsetDateTime now) {
    jdbc.sql("""
            insert into risk_assessment (risk_id, kind, probability, impact, score, level, monetary_impact, exposure,
                                         decision, comment, assessed_by, assessed_at)
            values (:risk, :kind, :probability, :impact, :score, :level, :money, :exposure, :decision, :comment, :by,
                    :now)""")
        .param("risk", riskId)
        .param("kind", kind.name())
        .param("probability", assessed.probability())
        .param("impact", assessed.impact())
        .param("score", assessed.score())
        .param("level", assessed.level().name())
        .param("money", assessed.monetaryImpact())
        .param("exposure", assessed.exposure())
        .param("decision", decision == null ? null : decision.name())
        .param("comment", comment)
        .param("by", by)
        .param("now", now)
        .update();
  }

  List<RiskAssessment> history(long riskId) {
    return jdbc.sql("select * from risk_assessment where risk_id = :risk order by id")
        .param("risk", riskId).query(RiskAssessment.class).list();
  }

  /**
   * Who reads which risks: the PMO, auditors and the steering committee (who decides escalations) all of them;
   * everybody else those they raised or own and those of the projects they manage or sponsor.
   */
  static final ReadRule READ = new ReadRule(Set.of(Roles.PMO, Roles.AUDITORS, Roles.STEERING_COMMITTEE), "risk",
      "raised_by = :viewer", "owner = :viewer", ReadRule.OWN_PROJECT);

  boolean sees(long id, Viewer viewer) {
    return READ.sees(jdbc, id, viewer);
  }

  Page<Risk> list(RiskFilter f, LocalDate today, PageRequest page, Viewer viewer) {
    return READ.restrict(new SqlFilter(), viewer)
        .and("project_id = :project", "project", f.projectId())
        .and("level = :level", "level", f.level())
        .and("status = :status", "status", f.status())
        .and("owner = :owner", "owner", f.owner())
        .and("category = :category", "category", f.category())
        .and(OPEN + " and due_date < :today", "today", Boolean.TRUE.equals(f.overdue()) ? today : null)
        .and("(due_date is null or due_date >= :notBefore or not " + OPEN + ")", "notBefore",
            Boolean.FALSE.equals(f.overdue()) ? today : null)
        .pageById(jdbc, "select *", "risk", "id", page, Risk.class, Risk::id);
  }

  /**
   * Open, assessed risks counted per (probability, impact) cell, for one project or the portfolio: one group by,
   * answered from the index ix_risk_project or ix_risk_status. Each row: probability, impact, count.
   */
  List<long[]> heatMap(Long projectId, Viewer viewer) {
    SqlFilter filter = READ.restrict(new SqlFilter().and(OPEN).and("probability is not null")
        .and("project_id = :project", "project", projectId), viewer);
    return filter.bind(jdbc.sql("select probability, impact, count(*) from risk" + filter.where()
            + " group by probability, impact"))
        .query((rs, n) -> new long[] {rs.getInt(1), rs.getInt(2), rs.getLong(3)})
        .list();
  }

  /** A project's open risks: all, assessed, critical without a response plan. */
  record OpenRisks(long open, long assessed, long criticalWithoutResponse) {
  }

  /** Facts of one project for gate reviews, in one pass over its rows. */
  OpenRisks openRisks(long projectId) {
    return jdbc.sql("""
            select count(*) as open_risks,
                   coalesce(sum(case when probability is not null and impact is not null then 1 else 0 end), 0)
                       as assessed_risks,
                   coalesce(sum(case when level = 'CRITICAL' and response_plan is null then 1 else 0 end), 0)
                       as critical_without_response
              from risk where project_id = :project and """ + " " + OPEN)
        .param("project", projectId)
        .query((rs, n) -> new OpenRisks(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
        .single();
  }

  /** How many open risks of a project are HIGH or CRITICAL. */
  long openHighOrCritical(long projectId) {
    return jdbc.sql("select count(*) from risk where project_id = :project and level in ('HIGH', 'CRITICAL') and "
        + OPEN).param("project", projectId).query(Long.class).single();
  }
}
