package pmo.intake;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import pmo.platform.RowLocks;
import pmo.platform.TransactionCache;

@Repository
class ProposalRepository {

  private final JdbcClient jdbc;
  private final RowLocks locks;
  /** A proposal is read once per transaction; see {@link TransactionCache}. */
  private final TransactionCache.Rows<Proposal> rows;
  private final TransactionCache.CaseIds idsByProcess = new TransactionCache.CaseIds();

  ProposalRepository(JdbcClient jdbc, RowLocks locks, TransactionCache cache) {
    this.jdbc = jdbc;
    this.locks = locks;
    this.rows = cache.rows("project_proposal");
  }

  long insert(ProposalDraft d, String requester, String processInstanceId, OffsetDateTime now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into project_proposal (title, business_case, sponsor, category, estimated_budget, estimated_months,
                                          strategic_objective, expected_benefits, requester, status,
                                          process_instance_id, created_at, updated_at)
            values (:title, :businessCase, :sponsor, :category, :budget, :months, :objective, :benefits,
                    :requester, :status, :pi, :now, :now)""")
        .params(draftParams(d))
        .param("requester", requester)
        .param("status", ProposalStatus.SUBMITTED.name())
        .param("pi", processInstanceId)
        .param("now", now)
        .update(key, "id");
    return key.getKey().longValue();
  }

  Optional<Proposal> find(long id) {
    return rows.find(id, key -> jdbc.sql("select * from project_proposal where id = :id").param("id", key)
        .query(Proposal.class).optional());
  }

  /** Reads a proposal and locks its row until the transaction ends, so two steps on it queue up. */
  Optional<Proposal> lock(long id) {
    return rows.lock(id, key -> jdbc.sql("select * from project_proposal where id = :id " + locks.forUpdate())
        .param("id", key).query(Proposal.class).optional());
  }

  Optional<Proposal> findByProcessInstance(String processInstanceId) {
    return idsByProcess.of(processInstanceId, pi -> jdbc.sql(
            "select id from project_proposal where process_instance_id = :pi").param("pi", pi).query(Long.class)
        .optional()).flatMap(this::find);
  }

  void revise(long id, ProposalDraft d, OffsetDateTime now) {
    jdbc.sql("""
            update project_proposal set title = :title, business_case = :businessCase, sponsor = :sponsor,
                   category = :category, estimated_budget = :budget, estimated_months = :months,
                   strategic_objective = :objective, expected_benefits = :benefits, status = :status,
                   decision_reason = null, updated_at = :now
             where id = :id""")
        .params(draftParams(d))
        .param("status", ProposalStatus.SUBMITTED.name())
        .param("now", now)
        .param("id", id)
        .update();
    rows.written(id);
  }

  void decide(long id, ProposalStatus status, String reason, String manager, LocalDate plannedStart,
      OffsetDateTime now) {
    jdbc.sql("""
            update project_proposal set status = :status, decision_reason = :reason, project_manager = :manager,
                   planned_start = :start, updated_at = :now
             where id = :id""")
        .param("status", status.name())
        .param("reason", reason)
        .param("manager", manager)
        .param("start", plannedStart)
        .param("now", now)
        .param("id", id)
        .update();
    rows.written(id);
  }

  void linkProject(long id, long projectId, OffsetDateTime now) {
    jdbc.sql("update project_proposal set project_id = :project, updated_at = :now where id = :id")
        .param("project", projectId).param("now", now).param("id", id).update();
    rows.written(id);
  }

  private static java.util.Map<String, Object> draftParams(ProposalDraft d) {
    java.util.Map<String, Object> p = new java.util.HashMap<>();
    p.put("title", d.title());
    p.put("businessCase", d.businessCase());
    p.put("sponsor", d.sponsor());
    p.put("category", d.category());
    p.put("budget", d.estimatedBudget());
    p.put("months", d.estimatedMonths());
    p.put("objective", d.strategicObjective());
    p.put("benefits", d.expectedBenefits());
    return p;
  }
}
