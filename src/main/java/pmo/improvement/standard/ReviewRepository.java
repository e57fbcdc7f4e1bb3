package pmo.improvement.standard;

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

/** The tables {@code standards_review} and {@code standards_review_item}. */
@Repository
class ReviewRepository {

  private final JdbcClient jdbc;
  private final RowLocks locks;

  ReviewRepository(JdbcClient jdbc, RowLocks locks) {
    this.jdbc = jdbc;
    this.locks = locks;
  }

  private record Row(long id, String reason, String startedBy, OffsetDateTime startedAt, String status,
      OffsetDateTime closedAt, String processInstanceId) {

    Review with(List<ReviewItem> items) {
      return new Review(id, reason, startedBy, startedAt, status, closedAt, processInstanceId, items);
    }
  }

  long insert(String reason, String startedBy, String processInstanceId, OffsetDateTime now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into standards_review (reason, started_by, started_at, status, process_instance_id)
            values (:reason, :by, :now, 'OPEN', :pi)""")
        .param("reason", reason).param("by", startedBy).param("now", now).param("pi", processInstanceId)
        .update(key, "id");
    return key.getKey().longValue();
  }

  void insertItem(long review, String processKey, String name, String analytics, String proposals) {
    jdbc.sql("""
            insert into standards_review_item (review_id, process_key, process_name, analytics_summary, open_proposals)
            values (:review, :key, :name, :analytics, :proposals)""")
        .param("review", review).param("key", processKey).param("name", name).param("analytics", analytics)
        .param("proposals", proposals).update();
  }

  void reviewed(long review, String processKey, boolean changeNeeded, String change, String benefit, String by,
      OffsetDateTime now, Long proposalId) {
    jdbc.sql("""
            update standards_review_item set change_needed = :needed, proposed_change = :change,
                   expected_benefit = :benefit, reviewed_by = :by, reviewed_at = :now, proposal_id = :proposal
             where review_id = :review and process_key = :key""")
        .param("needed", changeNeeded).param("change", change).param("benefit", benefit).param("by", by)
        .param("now", now).param("proposal", proposalId).param("review", review).param("key", processKey).update();
  }

  void close(long review, String status, OffsetDateTime now) {
    jdbc.sql("update standards_review set status = :status, closed_at = :now where id = :id")
        .param("status", status).param("now", now).param("id", review).update();
  }

  Optional<Review> find(long id) {
    return jdbc.sql("select * from standards_review where id = :id").param("id", id).query(Row.class).optional()
        .map(row -> row.with(items(id)));
  }

  /** Locks the review row (the case before its items: RowLocks' order). */
  Optional<Review> lock(long id) {
    return jdbc.sql("select * from standards_review where id = :id " + locks.forUpdate()).param("id", id)
        .query(Row.class).optional().map(row -> row.with(items(id)));
  }

  Optional<Long> idOfProcess(String processInstanceId) {
    return jdbc.sql("select id from standards_review where process_instance_id = :pi").param("pi", processInstanceId)
        .query(Long.class).optional();
  }

  List<ReviewItem> items(long review) {
    return jdbc.sql("select * from standards_review_item where review_id = :review order by process_key")
        .param("review", review).query(ReviewItem.class).list();
  }

  Optional<ReviewItem> item(long review, String processKey) {
    return jdbc.sql("select * from standards_review_item where review_id = :review and process_key = :key")
        .param("review", review).param("key", processKey).query(ReviewItem.class).optional();
  }

  Page<Review> list(PageRequest page) {
    Page<Row> rows = new SqlFilter().page(jdbc, "select *", "standards_review", "id desc", page, Row.class);
    return new Page<>(rows.items().stream().map(r -> r.with(List.of())).toList(), rows.page(), rows.size(),
        rows.total());
  }
}
