package pmo.notice;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class NoticeRepository {

  private final JdbcClient jdbc;

  NoticeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(NewNotice n, String email, NoticeStatus status, String error, OffsetDateTime now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into notice (recipient, recipient_email, subject, body, project_id, related_type, related_id,
                                status, attempts, last_error, created_at)
            values (:recipient, :email, :subject, :body, :project, :type, :related, :status, 0, :error, :now)""")
        .param("recipient", n.recipient())
        .param("email", email)
        .param("subject", n.subject())
        .param("body", n.body())
        .param("project", n.projectId())
        .param("type", n.relatedType())
        .param("related", n.relatedId().toString())
        .param("status", status.name())
        .param("error", error)
        .param("now", now)
        .update(key, "id");
    return key.getKey().longValue();
  }

  Optional<Notice> find(long id) {
    return jdbc.sql("select * from notice where id = :id").param("id", id).query(Notice.class).optional();
  }

  List<Notice> forRelated(String type, String id) {
    return jdbc.sql("select * from notice where related_type = :type and related_id = :id order by id")
        .param("type", type).param("id", id).query(Notice.class).list();
  }

  List<Notice> pending(String type, String id) {
    return jdbc.sql("""
            select * from notice where related_type = :type and related_id = :id and status = 'PENDING' order by id""")
        .param("type", type).param("id", id).query(Notice.class).list();
  }

  /** Marks a notice sent; false when someone else already did (the notice was sent twice, at least once). */
  boolean markSent(long id, OffsetDateTime now) {
    return jdbc.sql("""
            update notice set status = 'SENT', attempts = attempts + 1, last_error = null, last_attempt_at = :now,
                   sent_at = :now
             where id = :id and status = 'PENDING'""")
        .param("now", now).param("id", id).update() == 1;
  }

  void markFailed(long id, String error, OffsetDateTime now) {
    jdbc.sql("""
            update notice set attempts = attempts + 1, last_error = :error, last_attempt_at = :now
             where id = :id and status = 'PENDING'""")
        .param("error", error).param("now", now).param("id", id).update();
  }
}
