package pmo.portfolio;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Ranks projects and proposals by their weighted score under the model in force, best first. Ties are broken by
 * strategic alignment (the raw score of the model's alignment criterion, higher first), then by age (older first: it has
 * waited longer), then projects before proposals and by id (the order they were registered: numbers, which compare
 * alike in Java and in any database collation). Unscored candidates come after every scored one, oldest first, marked
 * unscored. {@link RankingRepository#page} orders a page in SQL the same way; RankingPagesTest holds the two together.
 */
public final class Ranking {

  /** A candidate as the database has it, with its current scores (null when never scored). */
  public record Row(String kind, long id, String reference, String name, String stage, String status, String category,
      String strategicObjective, OffsetDateTime createdAt, Map<String, Integer> scores, String modelVersion,
      String scoredBy, OffsetDateTime scoredAt) {
  }

  /** A ranked candidate with its weighted score and each criterion's contribution. */
  public record Item(int rank, String kind, long id, String reference, String name, String stage, String status,
      String category, String strategicObjective, boolean scored, BigDecimal score,
      List<ScoringModel.Contribution> contributions, String modelVersion, boolean scoredUnderOtherModel,
      String scoredBy, OffsetDateTime scoredAt) {
  }

  /**
   * What the order needs of a candidate: its weighted score under the model in force (null when unscored), the raw
   * score of the alignment criterion (0 when unscored), its age, its kind and id.
   */
  public record Key(String kind, long id, OffsetDateTime createdAt, BigDecimal score, int alignment) {
  }

  /** The ranking's order, best first (its SQL form: {@link RankingRepository#ORDER}). */
  static final Comparator<Key> ORDER = Comparator.<Key, Boolean>comparing(k -> k.score() == null)
      .thenComparing(k -> k.score() == null ? BigDecimal.ZERO : k.score(), Comparator.reverseOrder())
      .thenComparing(Key::alignment, Comparator.reverseOrder())
      .thenComparing(Key::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(Key::kind)
      .thenComparingLong(Key::id);

  private Ranking() {
  }

  /** The key of a candidate whose scores are {@code scores} (null: unscored). */
  static Key key(String kind, long id, OffsetDateTime createdAt, Map<String, Integer> scores, ScoringModel model,
      String alignmentCriterion) {
    return scores == null ? new Key(kind, id, createdAt, null, 0)
        : new Key(kind, id, createdAt, model.weigh(scores).score(),
            scores.getOrDefault(alignmentCriterion, 0));
  }

  /** Every row ranked, best first. */
  static List<Item> rank(List<Row> rows, ScoringModel model, String alignmentCriterion) {
    List<Row> ordered = new ArrayList<>(rows);
    Map<Row, Key> keys = new java.util.IdentityHashMap<>();
    for (Row r : rows) {
      keys.put(r, key(r.kind(), r.id(), r.createdAt(), r.scores(), model, alignmentCriterion));
    }
    ordered.sort(Comparator.comparing(keys::get, ORDER));
    return items(ordered, model, 1);
  }

  /** Rows already in rank order as ranked items, the first with rank {@code firstRank}. */
  static List<Item> items(List<Row> ordered, ScoringModel model, int firstRank) {
    List<Item> items = new ArrayList<>(ordered.size());
    for (int i = 0; i < ordered.size(); i++) {
      Row r = ordered.get(i);
      ScoringModel.Weighted weighted = r.scores() == null ? null : model.weigh(r.scores());
      boolean scored = weighted != null;
      items.add(new Item(firstRank + i, r.kind(), r.id(), r.reference(), r.name(), r.stage(), r.status(),
          r.category(), r.strategicObjective(), scored, scored ? weighted.score() : null,
          scored ? weighted.contributions() : List.of(), r.modelVersion(),
          scored && !model.version().equals(r.modelVersion()), r.scoredBy(), r.scoredAt()));
    }
    return items;
  }
}
