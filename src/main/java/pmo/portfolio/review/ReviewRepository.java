package pmo.portfolio.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.RowLocks;
import pmo.platform.SqlFilter;

/** Portfolio reviews, their rounds and decisions (portfolio_review, _round, _decision). */
@Repository("portfolioReviewRepository")
class ReviewRepository {

  private final JdbcClient jdbc;
  private final RowLocks locks;

  ReviewRepository(JdbcClient jdbc, RowLocks locks) {
    this.jdbc = jdbc;
    this.locks = locks;
  }

  long insert(String processInstanceId, String occasion, String by, OffsetDateTime at, ReviewStatus status,
      String pack) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into portfolio_review (process_instance_id, occasion, started_by, started_at, status, pack, round)
            values (:pi, :occasion, :by, :at, :status, :pack, 0)""")
        .param("pi", processInstanceId).param("occasion", occasion).param("by", by).param("at", at)
        .param("status", status.name()).param("pack", pack)
        .update(key, "id");
    return key.getKey().longValue();
  }

  void pack(long id, String pack, Long scenarioId) {
    jdbc.sql("update portfolio_review set pack = :pack, scenario_id = :scenario where id = :id")
        .param("pack", pack).param("scenario", scenarioId).param("id", id).update();
  }

  Optional<Review> find(long id) {
    return jdbc.sql("select * from portfolio_review where id = :id").param("id", id).query(Review.class).optional();
  }

  Optional<Review> lock(long id) {
    return jdbc.sql("select * from portfolio_review where id = :id " + locks.forUpdate()).param("id", id)
        .query(Review.class).optional();
  }

  Optional<Review> byProcess(String processInstanceId) {
    return jdbc.sql("select * from portfolio_review where process_instance_id = :pi").param("pi", processInstanceId)
        .query(Review.class).optional();
  }

  /** The reviews still open (being prepared, proposed or sent back), other than {@code except}. */
  List<Review> open(long except) {
    return jdbc.sql("select * from portfolio_review where status in ('OPEN', 'PROPOSED', 'SENT_BACK') and id <> :id")
        .param("id", except).query(Review.class).list();
  }

  /**
   * Reviews newest first, with the steering committee's answer to their latest round (none yet: null), without their
   * packs (a pack is read with its review).
   */
  Page<Listed> list(ReviewStatus status, PageRequest page) {
    return new SqlFilter().and("r.status = :status", "status", status).pageById(jdbc, """
            select r.id, r.status, r.occasion, r.started_by, r.started_at, r.round, r.proposed_by, r.proposed_at,
                   r.approved_by, r.approved_at, r.closed_at, r.closing_reason, l.steering_decision, l.steering_by,
                   l.steering_at""",
        "portfolio_review r left join portfolio_review_round l on l.review_id = r.id and l.round = r.round", "r.id",
        page, Listed.class, Listed::id);
  }

  void proposed(long id, int round, String by, OffsetDateTime at, String note) {
    jdbc.sql("""
            update portfolio_review set status = 'PROPOSED', round = :round, proposed_by = :by, proposed_at = :at,
                   proposal_note = :note where id = :id""")
        .param("round", round).param("by", by).param("at", at).param("note", note).param("id", id).update();
    jdbc.sql("""
            insert into portfolio_review_round (review_id, round, proposed_by, proposed_at, note)
            values (:id, :round, :by, :at, :note)""")
        .param("id", id).param("round", round).param("by", by).param("at", at).param("note", note).update();
  }

  void steered(long id, int round, ReviewStatus status, ReviewDecisions.Steering decision, String by, OffsetDateTime at,
      String comment) {
    jdbc.sql("""
            update portfolio_review_round set steering_decision = :decision, steering_by = :by, steering_at = :at,
                   steering_comment = :comment where review_id = :id and round = :round""")
        .param("decision", decision.name()).param("by", by).param("at", at).param("comment", comment).param("id", id)
        .param("round", round).update();
    boolean approved = status == ReviewStatus.APPROVED;
    jdbc.sql("""
            update portfolio_review set status = :status, approved_by = coalesce(:approvedBy, approved_by),
                   approved_at = coalesce(:approvedAt, approved_at)
             where id = :id""")
        .param("status", status.name()).param("approvedBy", approved ? by : null)
        .param("approvedAt", approved ? at : null).param("id", id).update();
  }

  void status(long id, ReviewStatus status, OffsetDateTime closedAt, String reason) {
    jdbc.sql("""
            update portfolio_review set status = :status, closed_at = :at, closing_reason = :reason where id = :id""")
        .param("status", status.name()).param("at", closedAt).param("reason", reason).param("id", id).update();
  }

  List<Round> rounds(long id) {
    return jdbc.sql("select * from portfolio_review_round where review_id = :id order by round")
        .param("id", id).query(Round.class).list();
  }

  void insertDecision(long reviewId, int round, Decision d) {
    jdbc.sql("""
            insert into portfolio_review_decision (review_id, round, subject_type, subject_id, reference, name,
                                                   decision, reason, scores, project_manager, planned_start, applied,
                                                   status_before)
            values (:review, :round, :type, :subject, :reference, :name, :decision, :reason, :scores, :manager,
                    :start, false, :statusBefore)""")
        .param("review", reviewId).param("round", round).param("type", d.subjectType()).param("subject", d.subjectId())
        .param("reference", d.reference()).param("name", d.name()).param("decision", d.decision())
        .param("reason", d.reason()).param("scores", d.scores()).param("manager", d.projectManager())
        .param("start", d.plannedStart()).param("statusBefore", d.statusBefore()).update();
  }

  List<Decision> decisions(long reviewId, int round) {
    return jdbc.sql("""
            select * from portfolio_review_decision where review_id = :review and round = :round
             order by subject_type desc, subject_id""")
        .param("review", reviewId).param("round", round).query(Decision.class).list();
  }

  void applied(long decisionId) {
    jdbc.sql("update portfolio_review_decision set applied = true where id = :id").param("id", decisionId).update();
  }

  /** A review row. */
  record Review(long id, String processInstanceId, String occasion, String startedBy, OffsetDateTime startedAt,
      ReviewStatus status, String pack, Long scenarioId, int round, String proposedBy, OffsetDateTime proposedAt,
      String proposalNote, String approvedBy, OffsetDateTime approvedAt, OffsetDateTime closedAt,
      String closingReason) {
  }

  /** A review as lists show it: its row without the pack, and the answer to its latest round. */
  record Listed(long id, ReviewStatus status, String occasion, String startedBy, OffsetDateTime startedAt, int round,
      String proposedBy, OffsetDateTime proposedAt, String approvedBy, OffsetDateTime approvedAt,
      OffsetDateTime closedAt, String closingReason, String steeringDecision, String steeringBy,
      OffsetDateTime steeringAt) {
  }

  record Round(long id, long reviewId, int round, String proposedBy, OffsetDateTime proposedAt, String note,
      ReviewDecisions.Steering steeringDecision, String steeringBy, OffsetDateTime steeringAt,
      String steeringComment) {
  }

  /**
   * A decision on one project or proposal in one round; {@code scores} is JSON when re-scored; {@code statusBefore}
   * the project's status when the pack was compiled (null for a proposal, and for decisions older than V173).
   */
  record Decision(Long id, String subjectType, long subjectId, String reference, String name, String decision,
      String reason, String scores, String projectManager, LocalDate plannedStart, boolean applied,
      String statusBefore) {

    /** A pause of a project already on hold, or a continue of an active one: the project stays as it is. */
    boolean keepsStatus() {
      return ("PAUSE".equals(decision) && "ON_HOLD".equals(statusBefore))
          || ("CONTINUE".equals(decision) && "ACTIVE".equals(statusBefore));
    }

    /** A continue of a project on hold: it resumes. */
    boolean resumes() {
      return "CONTINUE".equals(decision) && "ON_HOLD".equals(statusBefore);
    }
  }
}
