package pmo.improvement.proposal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.RowLocks;
import pmo.platform.SqlFilter;

/** The tables {@code improvement_proposal} and {@code improvement_proposal_lesson}. */
@Repository
class ImprovementRepository {

  private final JdbcClient jdbc;
  private final RowLocks locks;

  ImprovementRepository(JdbcClient jdbc, RowLocks locks) {
    this.jdbc = jdbc;
    this.locks = locks;
  }

  /** A row as stored (the lessons are read separately). */
  record Row(long id, String title, String problem, String proposal, String expectedBenefit, String concerns,
      Long projectId, String proposer, ProposalStatus status, String evaluationReason, String evaluatedBy,
      OffsetDateTime evaluatedAt, String implementer, LocalDate implementBy, String implementationNotes,
      String deploymentId, OffsetDateTime implementedAt, String verificationComment, String verifiedBy,
      OffsetDateTime verifiedAt, Long reviewId, String processInstanceId, OffsetDateTime createdAt,
      OffsetDateTime updatedAt) {

    Proposal toProposal(List<Long> lessons) {
      return new Proposal(id, title, problem, proposal, expectedBenefit, concerns, projectId, proposer, status,
          evaluationReason, evaluatedBy, evaluatedAt, implementer, implementBy, implementationNotes, deploymentId,
          implementedAt, verificationComment, verifiedBy, verifiedAt, reviewId, processInstanceId, createdAt,
          updatedAt, lessons);
    }
  }

  long insert(ProposalDraft d, String proposer, Long reviewId, String processInstanceId, OffsetDateTime now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into improvement_proposal (title, problem, proposal, expected_benefit, concerns, project_id, proposer,
                                              status, review_id, process_instance_id, created_at, updated_at)
            values (:title, :problem, :proposal, :benefit, :concerns, :project, :proposer, 'SUBMITTED', :review, :pi,
                    :now, :now)""")
        .param("title", d.title()).param("problem", d.problem()).param("proposal", d.proposal())
        .param("benefit", d.expectedBenefit()).param("concerns", d.concerns()).param("project", d.projectId())
        .param("proposer", proposer).param("review", reviewId).param("pi", processInstanceId).param("now", now)
        .update(key, "id");
    return key.getKey().longValue();
  }

  void revise(long id, ProposalDraft d, OffsetDateTime now) {
    jdbc.sql("""
            update improvement_proposal set title = :title, problem = :problem, proposal = :proposal,
                   expected_benefit = :benefit, concerns = :concerns, project_id = :project, status = 'SUBMITTED',
                   updated_at = :now
             where id = :id""")
        .param("title", d.title()).param("problem", d.problem()).param("proposal", d.proposal())
        .param("benefit", d.expectedBenefit()).param("concerns", d.concerns()).param("project", d.projectId())
        .param("now", now).param("id", id).update();
  }

  void replaceLessons(long id, List<Long> lessons) {
    jdbc.sql("delete from improvement_proposal_lesson where proposal_id = :id").param("id", id).update();
    for (Long lesson : lessons) {
      jdbc.sql("insert into improvement_proposal_lesson (proposal_id, lesson_id) values (:id, :lesson)")
          .param("id", id).param("lesson", lesson).update();
    }
  }

  void evaluated(long id, ProposalStatus status, String reason, String by, String implementer, LocalDate implementBy,
      OffsetDateTime now) {
    jdbc.sql("""
            update improvement_proposal set status = :status, evaluation_reason = :reason, evaluated_by = :by,
                   evaluated_at = :now, implementer = :implementer, implement_by = :implementBy, updated_at = :now
             where id = :id""")
        .param("status", status.name()).param("reason", reason).param("by", by).param("implementer", implementer)
        .param("implementBy", implementBy).param("now", now).param("id", id).update();
  }

  void implemented(long id, String notes, String deploymentId, OffsetDateTime now) {
    jdbc.sql("""
            update improvement_proposal set status = 'IMPLEMENTED', implementation_notes = :notes,
                   deployment_id = :deployment, implemented_at = :now, updated_at = :now
             where id = :id""")
        .param("notes", notes).param("deployment", deploymentId).param("now", now).param("id", id).update();
  }

  void verified(long id, ProposalStatus status, String comment, String by, OffsetDateTime now) {
    jdbc.sql("""
            update improvement_proposal set status = :status, verification_comment = :comment, verified_by = :by,
                   verified_at = :now, updated_at = :now
             where id = :id""")
        .param("status", status.name()).param("comment", comment).param("by", by).param("now", now).param("id", id)
        .update();
  }

  Optional<Proposal> find(long id) {
    return jdbc.sql("select * from improvement_proposal where id = :id").param("id", id).query(Row.class).optional()
        .map(row -> row.toProposal(lessons(id)));
  }

  /** Locks the proposal row until the transaction ends (RowLocks' order: a case before its children). */
  Optional<Proposal> lock(long id) {
    return jdbc.sql("select * from improvement_proposal where id = :id " + locks.forUpdate()).param("id", id)
        .query(Row.class).optional().map(row -> row.toProposal(lessons(id)));
  }

  Optional<Long> idOfProcess(String processInstanceId) {
    return jdbc.sql("select id from improvement_proposal where process_instance_id = :pi").param("pi",
        processInstanceId).query(Long.class).optional();
  }

  List<Long> lessons(long id) {
    return jdbc.sql("select lesson_id from improvement_proposal_lesson where proposal_id = :id order by lesson_id")
        .param("id", id).query(Long.class).list();
  }

  Page<Proposal> list(SqlFilter filter, PageRequest page) {
    Page<Row> rows = filter.page(jdbc, "select *", "improvement_proposal", "id desc", page, Row.class);
    return new Page<>(rows.items().stream().map(r -> r.toProposal(lessons(r.id()))).toList(), rows.page(),
        rows.size(), rows.total());
  }

  /** The open proposals about one process, decision or area, oldest first (for the standards review). */
  List<Proposal> openConcerning(String concerns, int limit) {
    return jdbc.sql("""
            select * from improvement_proposal
             where concerns = :concerns and status in ('SUBMITTED', 'MORE_INFO', 'ACCEPTED', 'IMPLEMENTED')
             order by id fetch first :limit rows only""")
        .param("concerns", concerns).param("limit", limit).query(Row.class).list().stream()
        .map(r -> r.toProposal(List.of())).toList();
  }

  /** The proposals implemented by these deployments (for the catalogue of the standard). */
  List<Proposal> implementedBy(List<String> deploymentIds) {
    if (deploymentIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select * from improvement_proposal where deployment_id in (:ids) order by id")
        .param("ids", deploymentIds).query(Row.class).list().stream().map(r -> r.toProposal(List.of())).toList();
  }
}
