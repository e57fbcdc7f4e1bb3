package pmo.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The start check of the scoring model (plain JUnit, the real scoring forms on the classpath): a broken model stops
 * the application's start with a message naming every fault; the configured model starts.
 */
class ScoringModelsStartTest {

  private static final List<String> ANCHORS = List.of("one", "two", "three", "four", "five");

  @Test
  void weightsNotSummingToOneStopTheStartNamingTheFault() {
    PortfolioSettings settings = settings(List.of(
        criterion("strategicFit", "0.30", Direction.BENEFIT), criterion("financialReturn", "0.30", Direction.BENEFIT),
        criterion("customerImpact", "0.15", Direction.BENEFIT), criterion("deliveryRisk", "0.15", Direction.RISK),
        criterion("cost", "0.15", Direction.COST)), "strategicFit");
    assertThatThrownBy(() -> new ScoringModels(settings, null)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("pmo.portfolio.criteria in config/application.yaml")
        .hasMessageContaining("the weights sum to 1.05, not 1");
  }

  @Test
  void aCriterionMissingFromTheScreeningFormAndAnUnknownAlignmentCriterionStopTheStart() {
    PortfolioSettings settings = settings(List.of(
        criterion("strategicFit", "0.5", Direction.BENEFIT), criterion("beauty", "0.5", Direction.BENEFIT)),
        "elegance");
    assertThatThrownBy(() -> new ScoringModels(settings, null)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("criterion 'beauty' is not in the scoring form forms/project-intake-screen.form")
        .hasMessageContaining("has the field score_cost, which is no criterion")
        .hasMessageContaining("alignment-criterion 'elegance' is no criterion");
  }

  @Test
  void theModelOfTheScreeningFormStarts() {
    PortfolioSettings settings = settings(List.of(
        criterion("strategicFit", "0.30", Direction.BENEFIT), criterion("financialReturn", "0.25", Direction.BENEFIT),
        criterion("customerImpact", "0.15", Direction.BENEFIT), criterion("deliveryRisk", "0.15", Direction.RISK),
        criterion("cost", "0.15", Direction.COST)), null);
    ScoringModels models = new ScoringModels(settings, null);
    assertThat(models.configured().criteria()).hasSize(5);
    assertThat(models.alignmentCriterion()).isEqualTo("strategicFit");
  }

  private static PortfolioSettings settings(List<Criterion> criteria, String alignmentCriterion) {
    return new PortfolioSettings(criteria, alignmentCriterion, List.of(), null, null);
  }

  private static Criterion criterion(String id, String weight, Direction direction) {
    return new Criterion(id, "Name of " + id, new BigDecimal(weight), direction, ANCHORS);
  }
}
