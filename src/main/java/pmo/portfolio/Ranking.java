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
 * waited longer), then by reference. Unscored candidates come after every scored one, oldest first, marked unscored.
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

  private Ranking() {
  }

  static List<Item> rank(List<Row> rows, ScoringModel model, String alignmentCriterion) {
    record Weighed(Row row, ScoringModel.Weighted weighted, int alignment) {
    }
    List<Weighed> weighed = new ArrayList<>();
    for (Row row : rows) {
      ScoringModel.Weighted weighted = row.scores() == null ? null : model.weigh(row.scores());
      int alignment = row.scores() == null ? 0 : row.scores().getOrDefault(alignmentCriterion, 0);
      weighed.add(new Weighed(row, weighted, alignment));
    }
    Comparator<Weighed> order = Comparator.<Weighed, Boolean>comparing(w -> w.weighted() == null)
        .thenComparing(w -> w.weighted() == null ? BigDecimal.ZERO : w.weighted().score(), Comparator.reverseOrder())
        .thenComparing(Weighed::alignment, Comparator.reverseOrder())
        .thenComparing(w -> w.row().createdAt(), Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(w -> w.row().reference());
    weighed.sort(order);
    List<Item> items = new ArrayList<>(weighed.size());
    for (int i = 0; i < weighed.size(); i++) {
      Weighed w = weighed.get(i);
      Row r = w.row();
      boolean scored = w.weighted() != null;
      items.add(new Item(i + 1, r.kind(), r.id(), r.reference(), r.name(), r.stage(), r.status(), r.category(),
          r.strategicObjective(), scored, scored ? w.weighted().score() : null,
          scored ? w.weighted().contributions() : List.of(), r.modelVersion(),
          scored && !model.version().equals(r.modelVersion()), r.scoredBy(), r.scoredAt()));
    }
    return items;
  }
}
