package pmo.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The scoring model in plain JUnit: weighted score, inversion of cost and risk, validation messages, version. */
class ScoringModelTest {

  static final List<String> ANCHORS = List.of("none", "little", "some", "much", "all");

  static Criterion criterion(String id, String weight, Direction direction) {
    return new Criterion(id, "Name of " + id, new BigDecimal(weight), direction, ANCHORS);
  }

  static ScoringModel model() {
    return ScoringModel.of(List.of(criterion("fit", "0.5", Direction.BENEFIT), criterion("cost", "0.3",
        Direction.COST), criterion("risk", "0.2", Direction.RISK)), "configuration");
  }

  @Test
  void weightedScoreCountsCostAndRiskAsSixMinusTheScore() {
    ScoringModel.Weighted w = model().weigh(Map.of("fit", 4, "cost", 2, "risk", 5));
    // 0.5*4 + 0.3*(6-2) + 0.2*(6-5) = 2 + 1.2 + 0.2
    assertThat(w.score()).isEqualByComparingTo("3.4");
    assertThat(w.contributions()).extracting(ScoringModel.Contribution::criterion, ScoringModel.Contribution::score,
            ScoringModel.Contribution::counted, c -> c.contribution().stripTrailingZeros().toPlainString())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("fit", 4, 4, "2"),
            org.assertj.core.groups.Tuple.tuple("cost", 2, 4, "1.2"),
            org.assertj.core.groups.Tuple.tuple("risk", 5, 1, "0.2"));
  }

  @Test
  void theBestAndWorstScoresSpanOneToFive() {
    assertThat(model().weigh(Map.of("fit", 5, "cost", 1, "risk", 1)).score()).isEqualByComparingTo("5");
    assertThat(model().weigh(Map.of("fit", 1, "cost", 5, "risk", 5)).score()).isEqualByComparingTo("1");
  }

  @Test
  void aValidModelHasNoProblems() {
    assertThat(ScoringModel.problems(model().criteria(), Map.of("screen.form",
        Set.of("score_fit", "score_cost", "score_risk")))).isEmpty();
  }

  @Test
  void validationNamesEveryProblem() {
    List<Criterion> criteria = List.of(
        criterion("fit", "0.5", Direction.BENEFIT),
        criterion("fit", "0.3", Direction.COST),
        new Criterion("2bad", " ", new BigDecimal("0"), null, List.of("a", "b")));
    assertThat(ScoringModel.problems(criteria, Map.of("screen.form", Set.of("score_fit", "score_other"))))
        .containsExactly(
            "criterion 2 'fit': the id is used twice",
            "criterion 3 '2bad': the id must be a letter followed by up to 39 letters or digits",
            "criterion 3 '2bad': has no name",
            "criterion 3 '2bad': the weight must be above 0 and at most 1, not 0",
            "criterion 3 '2bad': has no direction (benefit, cost or risk)",
            "criterion 3 '2bad': needs an anchor text for each level 1 to 5, has 2",
            "the weights sum to 0.8, not 1",
            "criterion '2bad' is not in the scoring form screen.form (field score_2bad)",
            "the scoring form screen.form has the field score_other, which is no criterion");
  }

  @Test
  void weightsThatDoNotSumToOneAreRefused() {
    List<Criterion> criteria = List.of(criterion("a", "0.5", Direction.BENEFIT), criterion("b", "0.4",
        Direction.BENEFIT));
    assertThat(ScoringModel.problems(criteria, Map.of())).containsExactly("the weights sum to 0.9, not 1");
  }

  @Test
  void atMostTenCriteria() {
    List<Criterion> criteria = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      criteria.add(criterion("c" + i, i == 0 ? "0.5" : "0.05", Direction.BENEFIT));
    }
    assertThat(ScoringModel.problems(criteria, Map.of())).containsExactly("11 criteria: at most 10 are allowed");
  }

  @Test
  void everyCriterionMustBeInTheScoringForm() {
    assertThat(ScoringModel.problems(model().criteria(), Map.of("forms/x.form", Set.of("score_fit", "score_cost"))))
        .containsExactly("criterion 'risk' is not in the scoring form forms/x.form (field score_risk)");
  }

  @Test
  void theVersionChangesWithTheContent() {
    ScoringModel model = model();
    assertThat(model.version()).hasSize(12).isEqualTo(model().version());
    assertThat(model.withWeights(Map.of("fit", new BigDecimal("0.4"), "cost", new BigDecimal("0.4")), "pairwise 1")
        .version()).isNotEqualTo(model.version());
  }

  @Test
  void rankingBreaksTiesByStrategicAlignmentThenAge() {
    OffsetDateTime old = OffsetDateTime.parse("2024-01-01T00:00:00Z");
    OffsetDateTime young = OffsetDateTime.parse("2025-01-01T00:00:00Z");
    ScoringModel model = model();
    // B, A and C weigh 3.4; B is better aligned (fit 4 against 3); A and C tie on alignment too, A is older
    List<Ranking.Row> rows = List.of(
        row("C", young, Map.of("fit", 3, "cost", 3, "risk", 1), model),
        row("U", old, null, model),
        row("A", old, Map.of("fit", 3, "cost", 3, "risk", 1), model),
        row("B", young, Map.of("fit", 4, "cost", 2, "risk", 5), model),
        row("T", young, Map.of("fit", 5, "cost", 1, "risk", 1), model));
    List<Ranking.Item> ranked = Ranking.rank(rows, model, "fit");
    assertThat(ranked).extracting(Ranking.Item::reference).containsExactly("T", "B", "A", "C", "U");
    assertThat(ranked).extracting(Ranking.Item::rank).containsExactly(1, 2, 3, 4, 5);
    assertThat(ranked.get(1).score()).isEqualByComparingTo(ranked.get(2).score());
    assertThat(ranked.get(4).scored()).isFalse();
    assertThat(ranked.get(4).score()).isNull();
  }

  @Test
  void aScoreGivenUnderAnotherModelIsMarked() {
    ScoringModel model = model();
    Ranking.Row row = new Ranking.Row("PROJECT", 1, "P1", "P1", null, "ACTIVE", "IT", null, OffsetDateTime.now(),
        Map.of("fit", 3, "cost", 3, "risk", 3), "0123456789ab", "olga", OffsetDateTime.now());
    assertThat(Ranking.rank(List.of(row), model, "fit").get(0).scoredUnderOtherModel()).isTrue();
  }

  private static Ranking.Row row(String ref, OffsetDateTime created, Map<String, Integer> scores,
      ScoringModel model) {
    return new Ranking.Row("PROJECT", ref.charAt(0), ref, "Project " + ref, "EXECUTION", "ACTIVE", "IT", "Growth",
        created, scores, scores == null ? null : model.version(), scores == null ? null : "olga", created);
  }
}
