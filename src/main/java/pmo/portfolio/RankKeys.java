package pmo.portfolio;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ranking's stored sort key of every current scoring (columns {@code rank_*} of portfolio_score): its weighted
 * score and alignment score under the model in force, so that a page of the ranking reads numbers instead of weighing
 * every candidate's scores again. A scoring gets its key when it is given; when the model changes (a pairwise
 * weighting is adopted, or the configured criteria or alignment criterion differ at start) every current scoring is
 * weighed again. The ranking weighs any row whose key is of another model itself, so a key left stale (a scoring given
 * while the weights changed) costs time, never a wrong rank.
 */
@Component
public class RankKeys {

  private static final Logger LOG = LoggerFactory.getLogger(RankKeys.class);

  private final ScoringModels models;
  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  /** The transaction of the refresh at start (a call from inside the bean passes no transactional proxy). */
  private final TransactionTemplate atStart;

  RankKeys(ScoringModels models, JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions) {
    this.atStart = new TransactionTemplate(transactions);
    this.models = models;
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /** What a stored key was computed under: the model's version and the alignment criterion. */
  static String key(ScoringModel model, String alignmentCriterion) {
    return model.version() + "/" + alignmentCriterion;
  }

  /** The key of the model in force. */
  String current() {
    return key(models.current(), models.alignmentCriterion());
  }

  /** The sort key of a scoring about to be written under {@code model} (the model in force). */
  Key of(ScoringModel model, Map<String, Integer> scores) {
    String alignment = models.alignmentCriterion();
    return new Key(model.weigh(scores).score(), scores.get(alignment), key(model, alignment));
  }

  /** A stored sort key: the weighted score, the alignment criterion's raw score, what they were computed under. */
  record Key(BigDecimal score, Integer alignment, String key) {
  }

  /** Weighs again every current scoring whose key is not of the model in force; the number of rows written. */
  @Transactional
  public int refresh() {
    ScoringModel model = models.current();
    String alignment = models.alignmentCriterion();
    String key = key(model, alignment);
    record Stale(long id, String scores) {
    }
    List<Stale> stale = jdbc.sql("""
            select id, scores from portfolio_score
             where is_current = true and (rank_key is null or rank_key <> :key)
             order by id""")
        .param("key", key).query(Stale.class).list();
    batch.batchUpdate("update portfolio_score set rank_score = ?, rank_alignment = ?, rank_key = ? where id = ?",
        stale, 1000, (statement, row) -> { // in id order: two nodes refreshing at once lock rows in one order
          Map<String, Integer> scores = ScoringService.parse(row.scores());
          statement.setBigDecimal(1, model.weigh(scores).score());
          statement.setObject(2, scores.get(alignment));
          statement.setString(3, key);
          statement.setLong(4, row.id());
        });
    return stale.size();
  }

  /**
   * At start: the configuration may have changed the model since the keys were written. A failure here (the database
   * busy with another node's start) does not stop the start: the ranking weighs stale rows itself until the next
   * refresh.
   */
  @EventListener(ApplicationReadyEvent.class)
  void refreshAtStart() {
    try {
      int written = atStart.execute(status -> refresh());
      if (written > 0) {
        LOG.info("Portfolio ranking: {} current scorings weighed again under the model in force ({})", written,
            current());
      }
    } catch (RuntimeException e) {
      LOG.warn("Portfolio ranking: the stored sort keys were not refreshed at start; pages are ordered from the "
          + "scores until they are", e);
    }
  }
}
