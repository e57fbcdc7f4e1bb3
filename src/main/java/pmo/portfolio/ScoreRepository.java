package pmo.portfolio;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Scorings (table portfolio_score); the latest of a subject is marked current. */
@Repository
class ScoreRepository {

  private final JdbcClient jdbc;

  ScoreRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A scoring as stored; {@code scores} is the JSON object criterion id → 1..5. */
  record Row(long id, String subjectType, long subjectId, String scores, BigDecimal weightedScore, String modelVersion,
      String comment, String source, String scoredBy, OffsetDateTime scoredAt, boolean isCurrent) {
  }

  /** Records a scoring as the subject's current one (the caller holds the subject's row lock). */
  long insertCurrent(Subject subject, String scores, BigDecimal weighted, String version, RankKeys.Key rank,
      String comment, String source, String by, OffsetDateTime at) {
    jdbc.sql("""
            update portfolio_score set is_current = false
             where subject_type = :type and subject_id = :id and is_current = true""")
        .param("type", subject.kind().name()).param("id", subject.id()).update();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into portfolio_score (subject_type, subject_id, scores, weighted_score, model_version, comment,
                                         source, scored_by, scored_at, is_current, rank_score, rank_alignment,
                                         rank_key)
            values (:type, :id, :scores, :weighted, :version, :comment, :source, :by, :at, true, :rankScore,
                    :rankAlignment, :rankKey)""")
        .param("type", subject.kind().name()).param("id", subject.id()).param("scores", scores)
        .param("weighted", weighted).param("version", version).param("comment", comment).param("source", source)
        .param("by", by).param("at", at).param("rankScore", rank.score())
        .param("rankAlignment", rank.alignment()).param("rankKey", rank.key())
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** Whether anything was ever scored (the demo data scores once). */
  boolean anyScored() {
    return jdbc.sql("select count(*) from portfolio_score").query(Long.class).single() > 0;
  }

  Row get(long id) {
    return jdbc.sql("select * from portfolio_score where id = :id").param("id", id).query(Row.class).single();
  }

  /** Every scoring of a subject, newest first. */
  List<Row> history(Subject subject) {
    return jdbc.sql("select * from portfolio_score where subject_type = :type and subject_id = :id order by id desc")
        .param("type", subject.kind().name()).param("id", subject.id()).query(Row.class).list();
  }
}
