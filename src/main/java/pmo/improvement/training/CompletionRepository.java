package pmo.improvement.training;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.SqlFilter;

/** The table {@code training_completion}. */
@Repository
class CompletionRepository {

  private final JdbcClient jdbc;

  CompletionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(String person, String courseId, LocalDate completedOn, LocalDate expiresOn, String source,
      String by, OffsetDateTime now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into training_completion (person, course_id, completed_on, expires_on, source, recorded_by,
                                             recorded_at)
            values (:person, :course, :completed, :expires, :source, :by, :now)""")
        .param("person", person).param("course", courseId).param("completed", completedOn)
        .param("expires", expiresOn).param("source", source).param("by", by).param("now", now)
        .update(key, "id");
    return key.getKey().longValue();
  }

  Optional<Completion> find(long id) {
    return jdbc.sql("select * from training_completion where id = :id").param("id", id).query(Completion.class)
        .optional();
  }

  boolean exists(String person, String courseId, LocalDate completedOn) {
    return jdbc.sql("""
            select count(*) from training_completion
             where person = :person and course_id = :course and completed_on = :completed""")
        .param("person", person).param("course", courseId).param("completed", completedOn).query(Long.class)
        .single() > 0;
  }

  /** The completions of one person, newest first. */
  List<Completion> of(String person) {
    return jdbc.sql("select * from training_completion where person = :person order by completed_on desc, id desc")
        .param("person", person).query(Completion.class).list();
  }

  /** Whether the person holds, on {@code day}, a completion of every one of these courses. */
  boolean holdsAll(String person, Collection<String> courseIds, LocalDate day) {
    if (courseIds.isEmpty()) {
      return false;
    }
    long held = jdbc.sql("""
            select count(distinct course_id) from training_completion
             where person = :person and course_id in (:courses) and completed_on <= :day and expires_on > :day""")
        .param("person", person).param("courses", courseIds).param("day", day).query(Long.class).single();
    return held == courseIds.size();
  }

  Page<Completion> list(SqlFilter filter, PageRequest page) {
    return filter.page(jdbc, "select *", "training_completion", "expires_on, id", page, Completion.class);
  }

  /**
   * Completions expiring from {@code from} (inclusive) to {@code until} (exclusive) whose holder was not reminded
   * yet, and that no later completion of the same course replaces.
   */
  List<Completion> expiringUnreminded(LocalDate from, LocalDate until, int limit) {
    return jdbc.sql("""
            select * from training_completion c
             where c.expires_on >= :from and c.expires_on < :until and c.reminded_at is null
               and not exists (select 1 from training_completion n
                                where n.person = c.person and n.course_id = c.course_id
                                  and n.expires_on > c.expires_on)
             order by c.expires_on, c.id fetch first :limit rows only""")
        .param("from", from).param("until", until).param("limit", limit).query(Completion.class).list();
  }

  /** Marks a reminder; false when another run marked it first. */
  boolean markReminded(long id, String processInstanceId, OffsetDateTime now) {
    return jdbc.sql("""
            update training_completion set reminded_at = :now, reminder_process_instance_id = :pi
             where id = :id and reminded_at is null""")
        .param("now", now).param("pi", processInstanceId).param("id", id).update() == 1;
  }

  List<Long> remindedBy(String processInstanceId) {
    return jdbc.sql("select id from training_completion where reminder_process_instance_id = :pi order by id")
        .param("pi", processInstanceId).query(Long.class).list();
  }
}
