package pmo.change;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
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

/**
 * The change request table and its approvals: the insert, one update per transition, the reads. A request is read
 * once per transaction ({@link TransactionCache}): the steps, the four-eyes rule and the audit read it many times in
 * one step; every write here forgets it, so the next read sees the write. Which request a process instance runs
 * never changes once recorded, so that is remembered across transactions.
 *
 * <p>Longer than 200 lines because it holds all of the change request table's SQL, so that one column is added in
 * one file.
 */
@Repository
class ChangeRequestRepository {

  private final JdbcClient jdbc;
  private final RowLocks locks;
  private final TransactionCache.Rows<ChangeRequest> rows;
  private final TransactionCache.CaseIds idsByProcess = new TransactionCache.CaseIds();

  ChangeRequestRepository(JdbcClient jdbc, RowLocks locks, TransactionCache cache) {
    this.jdbc = jdbc;
    this.locks = locks;
    this.rows = cache.rows("change_request");
  }

  long insert(ChangeRequestDraft d, String requester, String processInstanceId, OffsetDateTime now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into change_request (project_id, title, description, reason, change_type, requester, status,
                                        cost_delta, schedule_delta_days, scope_change, quality_impact, risk_notes,
                                        process_instance_id, created_at, updated_at)
            values (:project, :title, :description, :reason, :type, :requester, :status, :cost, :days, :scope,
                    :quality, :risks, :pi, :now, :now)""")
        .params(draftParams(d))
        .param("project", d.projectId())
        .param("requester", requester)
        .param("status", ChangeStatus.SUBMITTED.name())
        .param("pi", processInstanceId)
        .param("now", now)
        .update(key, "id");
    return key.getKey().longValue();
  }

  Optional<ChangeRequest> find(long id) {
    return rows.find(id, key -> jdbc.sql("select * from change_request where id = :id").param("id", key)
        .query(ChangeRequest.class).optional());
  }

  /**
   * Reads a change request and locks its row, so two steps deciding on it at once queue up. A row this transaction
   * has locked (or written) already is not read again.
   */
  Optional<ChangeRequest> lock(long id) {
    return rows.lock(id, key -> jdbc.sql("select * from change_request where id = :id " + locks.forUpdate())
        .param("id", key).query(ChangeRequest.class).optional());
  }

  Optional<ChangeRequest> findByProcessInstance(String processInstanceId) {
    return idOfProcess(processInstanceId).flatMap(this::find);
  }

  Optional<Long> idOfProcess(String processInstanceId) {
    return idsByProcess.of(processInstanceId, pi -> jdbc.sql(
            "select id from change_request where process_instance_id = :pi").param("pi", pi).query(Long.class)
        .optional());
  }

  /** After a write of the request: the next read sees it; the row stays locked until the transaction ends. */
  private void written(long id) {
    rows.written(id);
  }

  /**
   * Who reads which change requests: the PMO, auditors, the change board and the steering committee (who decide on
   * them) all of them; everybody else those they raised, assessed, implemented or verified, those they decided on and
   * those of the projects they manage or sponsor.
   */
  static final ReadRule READ = new ReadRule(
      Set.of(Roles.PMO, Roles.AUDITORS, Roles.CHANGE_BOARD, Roles.STEERING_COMMITTEE), "change_request",
      "requester = :viewer", "assessed_by = :viewer", "implemented_by = :viewer", "verified_by = :viewer",
      ReadRule.OWN_PROJECT);

  boolean sees(long id, Viewer viewer) {
    return READ.sees(jdbc, id, viewer);
  }

  Page<ChangeRequest> list(ChangeRequestFilter f, PageRequest page, Viewer viewer) {
    return READ.restrict(new SqlFilter(), viewer)
        .and("project_id = :project", "project", f.projectId())
        .and("status = :status", "status", f.status())
        .and("change_type = :type", "type", f.type())
        .pageById(jdbc, "select *", "change_request", "id", page, ChangeRequest.class, ChangeRequest::id);
  }

  List<ChangeRequest> openForProject(long projectId) {
    return jdbc.sql("""
            select * from change_request
             where project_id = :project and status not in ('REJECTED', 'CLOSED', 'CANCELLED') order by id""")
        .param("project", projectId).query(ChangeRequest.class).list();
  }

  long countOpen(long projectId) {
    return jdbc.sql("""
            select count(*) from change_request
             where project_id = :project and status not in ('REJECTED', 'CLOSED', 'CANCELLED')""")
        .param("project", projectId).query(Long.class).single();
  }

  void revise(long id, ChangeRequestDraft d, OffsetDateTime now) {
    jdbc.sql("""
            update change_request set title = :title, description = :description, reason = :reason,
                   change_type = :type, cost_delta = :cost, schedule_delta_days = :days, scope_change = :scope,
                   quality_impact = :quality, risk_notes = :risks, status = 'SUBMITTED', round = round + 1,
                   route = null, route_decision_key = null, route_decision_version = null, outcome_reason = null,
                   updated_at = :now
             where id = :id""")
        .params(draftParams(d)).param("now", now).param("id", id).update();
    written(id);
  }

  void assess(long id, ImpactAssessment a, String assessor, int baselineVersion, BigDecimal costPct,
      BigDecimal schedulePct, OffsetDateTime now) {
    jdbc.sql("""
            update change_request set cost_delta = :cost, schedule_delta_days = :days, scope_change = :scope,
                   quality_impact = :quality, risk_notes = :risks, assessed_by = :assessor,
                   assessment_comment = :comment, assessed_baseline = :baseline, cost_delta_pct = :costPct,
                   schedule_delta_pct = :schedulePct, assessed_at = :now, updated_at = :now
             where id = :id""")
        .param("cost", a.costDelta())
        .param("days", a.scheduleDeltaDays())
        .param("scope", a.scopeChange())
        .param("quality", a.qualityImpact().name())
        .param("risks", a.riskNotes())
        .param("assessor", assessor)
        .param("comment", a.assessmentComment())
        .param("baseline", baselineVersion)
        .param("costPct", costPct)
        .param("schedulePct", schedulePct)
        .param("now", now)
        .param("id", id)
        .update();
    written(id);
  }

  void route(long id, Route route, String decisionKey, Integer decisionVersion, ChangeStatus status,
      String reason, OffsetDateTime now) {
    jdbc.sql("""
            update change_request set route = :route, route_decision_key = :key, route_decision_version = :version,
                   status = :status, outcome_reason = :reason, updated_at = :now
             where id = :id""")
        .param("route", route.name()).param("key", decisionKey).param("version", decisionVersion)
        .param("status", status.name()).param("reason", reason).param("now", now).param("id", id).update();
    written(id);
  }

  void status(long id, ChangeStatus status, String reason, OffsetDateTime now) {
    jdbc.sql("update change_request set status = :status, outcome_reason = :reason, updated_at = :now where id = :id")
        .param("status", status.name()).param("reason", reason).param("now", now).param("id", id).update();
    written(id);
  }

  void newBaseline(long id, int version, OffsetDateTime now) {
    jdbc.sql("update change_request set new_baseline_version = :v, updated_at = :now where id = :id")
        .param("v", version).param("now", now).param("id", id).update();
    written(id);
  }

  void implemented(long id, String implementer, String notes, OffsetDateTime now) {
    jdbc.sql("""
            update change_request set status = 'IMPLEMENTED', implemented_by = :who, implementation_notes = :notes,
                   implemented_at = :now, updated_at = :now
             where id = :id""")
        .param("who", implementer).param("notes", notes).param("now", now).param("id", id).update();
    written(id);
  }

  void verified(long id, ChangeStatus status, String verifier, String reason, OffsetDateTime now) {
    jdbc.sql("""
            update change_request set status = :status, verified_by = :who, outcome_reason = :reason,
                   updated_at = :now
             where id = :id""")
        .param("status", status.name()).param("who", verifier).param("reason", reason).param("now", now)
        .param("id", id).update();
    written(id);
  }

  // --- approvals and votes

  long insertApproval(long changeRequestId, int round, ApprovalStage stage, String approver,
      ApprovalDecision decision, String comment, String taskId, OffsetDateTime now) {
    KeyHolder key = new GeneratedKeyHolder();
    try {
      jdbc.sql("""
              insert into change_approval (change_request_id, round, stage, approver, approver_group, decision,
                                           comment, task_id, decided_at)
              values (:cr, :round, :stage, :approver, :grp, :decision, :comment, :task, :now)""")
          .param("cr", changeRequestId).param("round", round).param("stage", stage.name())
          .param("approver", approver).param("grp", stage.group).param("decision", decision.name())
          .param("comment", comment).param("task", taskId).param("now", now)
          .update(key, "id");
    } catch (DuplicateKeyException e) {
      throw new ConflictException(approver + " has already decided on change request " + changeRequestId
          + " in this round (" + stage.label() + ")");
    }
    return key.getKey().longValue();
  }

  Approval approval(long id) {
    return jdbc.sql("select * from change_approval where id = :id").param("id", id).query(Approval.class).single();
  }

  List<Approval> approvals(long changeRequestId) {
    return jdbc.sql("select * from change_approval where change_request_id = :cr order by id")
        .param("cr", changeRequestId).query(Approval.class).list();
  }

  private static Map<String, Object> draftParams(ChangeRequestDraft d) {
    Map<String, Object> p = new HashMap<>();
    p.put("title", d.title());
    p.put("description", d.description());
    p.put("reason", d.reason());
    p.put("type", d.changeType().name());
    p.put("cost", d.costDelta());
    p.put("days", d.scheduleDeltaDays());
    p.put("scope", d.scopeChange());
    p.put("quality", d.qualityImpact().name());
    p.put("risks", d.riskNotes());
    return p;
  }
}
