package pmo.portfolio;

import java.math.BigDecimal;
import java.util.List;

/**
 * One criterion of the PMO's scoring model: id (the scoring forms' field is {@code score_<id>}), name, weight (the
 * weights of the model sum to 1), direction, and a short anchor text for each level 1 to 5, shown to whoever scores.
 */
public record Criterion(String id, String name, BigDecimal weight, Direction direction, List<String> anchors) {

  public Criterion {
    anchors = anchors == null ? List.of() : List.copyOf(anchors);
  }

  /** The field of this criterion in a scoring form. */
  public String field() {
    return ScoringModel.FIELD_PREFIX + id;
  }

  Criterion withWeight(BigDecimal other) {
    return new Criterion(id, name, other, direction, anchors);
  }
}
