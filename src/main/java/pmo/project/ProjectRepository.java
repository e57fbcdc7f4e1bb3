package pmo.project;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import pmo.platform.TransactionCache;
import pmo.platform.ConflictException;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.RowLocks;
import pmo.platform.SqlFilter;

/**
 * Projects and their baselines. A project and its current baseline are read once per transaction
 * ({@link TransactionCache}): a step reads them in its checks, its service and its audit; every write here forgets
 * what it changed.
 *
 * <p>Longer than 200 lines: the project row, its baselines and its RAG history are written together by the project's
 * transitions, and the cache above must forget each of them in the same place as it is written.
 */
@Repository
class ProjectRepository {

  private final JdbcClient jdbc;
  private final RowLocks locks;
  private final TransactionCache.Rows<Project> rows;
  /** The current baseline of a project, by project id. */
  private final TransactionCache.Rows<Baseline> currentBaselines;

  ProjectRepository(JdbcClient jdbc, RowLocks locks, TransactionCache cache) {
    this.jdbc = jdbc;
    this.locks = locks;
    this.rows = cache.rows("project");
    this.currentBaselines = cache.rows("project.current_baseline");
  }

  long insert(NewProject p, OffsetDateTime now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into project (code, name, description, sponsor, manager, category, strategic_objective,
                                 stage, status, rag, start_date, finish_date, created_at, updated_at)
            values (:code, :name, :description, :sponsor, :manager, :category, :objective,
                    :stage, :status, :rag, :start, :finish, :now, :now)""")
        // without a given code: a random placeholder, replaced below in the same transaction by one derived from the id
        .param("code", p.code() != null ? p.code() : "TMP-" + Long.toHexString(ThreadLocalRandom.current().nextLong()))
        .param("name", p.name())
        .param("description", p.description())
        .param("sponsor", p.sponsor())
        .param("manager", p.manager())
        .param("category", p.category())
        .param("objective", p.strategicObjective())
        .param("stage", Stage.INITIATION.name())
        .param("status", ProjectStatus.ACTIVE.name())
        .param("rag", Rag.GREEN.name())
        .param("start", p.plannedStart())
        .param("finish", p.plannedFinish())
        .param("now", now)
        .update(key, "id");
    long id = key.getKey().longValue();
    if (p.code() == null) {
      jdbc.sql("update project set code = :code where id = :id")
          .param("code", automaticCode(id)).param("id", id).update();
    }
    return id;
  }

  /**
   * PRJ- and the id, unless a project took that code by choice (codes may be chosen at registration): then the first
   * free of PRJ-01094-2, PRJ-01094-3, ... A concurrent registration choosing the same code at the same moment loses
   * on the unique key (409).
   */
  private String automaticCode(long id) {
    String base = String.format("PRJ-%05d", id);
    String code = base;
    for (int n = 2; codeExists(code); n++) {
      code = base + "-" + n;
    }
    return code;
  }

  boolean codeExists(String code) {
    return jdbc.sql("select count(*) from project where code = :code").param("code", code)
        .query(Long.class).single() > 0;
  }

  Optional<Project> findByCode(String code) {
    return jdbc.sql("select * from project where code = :code").param("code", code).query(Project.class).optional();
  }

  Optional<Project> find(long id) {
    return rows.find(id, key -> jdbc.sql("select * from project where id = :id").param("id", key)
        .query(Project.class).optional());
  }

  /**
   * Reads a project and locks its row until the transaction ends, so concurrent changes queue up. A project this
   * transaction has locked (or written) already is not read again. The project's lock guards its baselines (a new
   * version is decided under it), so a current baseline this transaction read before the lock is read again after it:
   * another transaction may have added a version in between.
   */
  Optional<Project> lock(long id) {
    Optional<Project> locked = rows.lock(id, key -> jdbc.sql("select * from project where id = :id "
        + locks.forUpdate()).param("id", key).query(Project.class).optional());
    currentBaselines.forget(id);
    return locked;
  }

  /**
   * The {@code limit} most recently registered running projects (ix_project_running), ordered by code: what a form
   * offers to pick from ({@link ProjectPicker}).
   */
  List<Project> recentRunning(int limit) {
    return jdbc.sql("""
            select * from (select * from project
                            where status in ('ACTIVE', 'ON_HOLD') and stage <> 'CLOSED'
                            order by id desc fetch first :limit rows only) recent
             order by code""")
        .param("limit", limit).query(Project.class).list();
  }

  Page<Project> list(ProjectFilter f, PageRequest page) {
    return new SqlFilter()
        .and("stage = :stage", "stage", f.stage())
        .and("status = :status", "status", f.status())
        .and("manager = :manager", "manager", f.manager())
        .and("category = :category", "category", f.category())
        .pageById(jdbc, "select *", "project", "id", page, Project.class, Project::id);
  }

  void update(Project p, OffsetDateTime now) {
    int updated = jdbc.sql("""
            update project set name = :name, description = :description, sponsor = :sponsor, manager = :manager,
                   category = :category, strategic_objective = :objective, stage = :stage, status = :status,
                   rag = :rag, rag_as_of = :ragAsOf, start_date = :start, finish_date = :finish, updated_at = :now,
                   row_version = row_version + 1
             where id = :id and row_version = :version""")
        .param("name", p.name())
        .param("description", p.description())
        .param("sponsor", p.sponsor())
        .param("manager", p.manager())
        .param("category", p.category())
        .param("objective", p.strategicObjective())
        .param("stage", p.stage().name())
        .param("status", p.status().name())
        .param("rag", p.rag().name())
        .param("ragAsOf", p.ragAsOf())
        .param("start", p.startDate())
        .param("finish", p.finishDate())
        .param("now", now)
        .param("id", p.id())
        .param("version", p.rowVersion())
        .update();
    rows.written(p.id());
    if (updated != 1) {
      throw new ConflictException("project " + p.id() + " was changed by someone else meanwhile; reload and retry");
    }
  }

  void insertBaseline(long projectId, int version, NewBaseline b, String actor, OffsetDateTime now) {
    jdbc.sql("""
            insert into project_baseline (project_id, version, budget_at_completion, planned_start, planned_finish,
                                          scope_summary, reason, change_request_id, created_by, created_at)
            values (:project, :version, :bac, :start, :finish, :scope, :reason, :cr, :by, :now)""")
        .param("project", projectId)
        .param("version", version)
        .param("bac", b.budgetAtCompletion())
        .param("start", b.plannedStart())
        .param("finish", b.plannedFinish())
        .param("scope", b.scopeSummary())
        .param("reason", b.reason())
        .param("cr", b.changeRequestId())
        .param("by", actor)
        .param("now", now)
        .update();
    currentBaselines.written(projectId);
  }

  /** The newest baseline version of a project (every project has one from its registration). */
  Optional<Baseline> currentBaseline(long projectId) {
    return currentBaselines.find(projectId, key -> jdbc.sql("""
            select * from project_baseline where project_id = :id
             order by version desc fetch first 1 rows only""")
        .param("id", key).query(Baseline.class).optional());
  }

  void insertRagHistory(long projectId, Rag rag, java.time.LocalDate asOf, String source, Long sourceId, String actor,
      OffsetDateTime now) {
    jdbc.sql("""
            insert into project_rag_history (project_id, rag, as_of, source, source_id, recorded_by, recorded_at)
            values (:project, :rag, :asOf, :source, :sourceId, :by, :now)""")
        .param("project", projectId).param("rag", rag.name()).param("asOf", asOf).param("source", source)
        .param("sourceId", sourceId).param("by", actor).param("now", now).update();
  }

  List<RagChange> ragHistory(long projectId) {
    return jdbc.sql("""
            select rag, as_of, source, source_id, recorded_by, recorded_at from project_rag_history
             where project_id = :id order by as_of, id""")
        .param("id", projectId).query(RagChange.class).list();
  }

  Optional<Baseline> baseline(long projectId, int version) {
    return jdbc.sql("select * from project_baseline where project_id = :id and version = :version")
        .param("id", projectId).param("version", version).query(Baseline.class).optional();
  }

  List<Baseline> baselines(long projectId) {
    return jdbc.sql("select * from project_baseline where project_id = :id order by version")
        .param("id", projectId).query(Baseline.class).list();
  }
}
