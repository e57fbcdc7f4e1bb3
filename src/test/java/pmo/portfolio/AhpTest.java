package pmo.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The pairwise weights on a published worked example: T. L. Saaty, "How to make a decision: the analytic hierarchy
 * process", European Journal of Operational Research 48 (1990) 9-26, the criteria of buying a house (size,
 * transportation, neighbourhood, age, yard, modern facilities, general condition, financing). Published: priorities
 * 0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333; λmax = 9.669; CI = 0.238; CR = 0.169.
 */
class AhpTest {

  static final double[][] HOUSE = {
      {1, 5, 3, 7, 6, 6, 1 / 3.0, 1 / 4.0},
      {1 / 5.0, 1, 1 / 3.0, 5, 3, 3, 1 / 5.0, 1 / 7.0},
      {1 / 3.0, 3, 1, 6, 3, 4, 6, 1 / 5.0},
      {1 / 7.0, 1 / 5.0, 1 / 6.0, 1, 1 / 3.0, 1 / 4.0, 1 / 7.0, 1 / 8.0},
      {1 / 6.0, 1 / 3.0, 1 / 3.0, 3, 1, 1 / 2.0, 1 / 5.0, 1 / 6.0},
      {1 / 6.0, 1 / 3.0, 1 / 4.0, 4, 2, 1, 1 / 5.0, 1 / 6.0},
      {3, 5, 1 / 6.0, 7, 5, 5, 1, 1 / 2.0},
      {4, 7, 5, 8, 6, 6, 2, 1}};

  @Test
  void saatysHouseExample() {
    assertThat(Ahp.check(HOUSE, 8)).isEmpty();
    Ahp.Result result = Ahp.weigh(HOUSE);
    double[] published = {0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333};
    for (int i = 0; i < published.length; i++) {
      assertThat(result.weights()[i]).as("weight %d", i).isCloseTo(published[i], within(0.0015));
    }
    assertThat(result.lambdaMax()).isCloseTo(9.669, within(0.002));
    assertThat(result.consistencyIndex()).isCloseTo(0.238, within(0.001));
    assertThat(result.consistencyRatio()).isCloseTo(0.169, within(0.001));
    assertThat(result.consistent()).isFalse();
  }

  @Test
  void aConsistentMatrixGivesItsRatiosAndNoInconsistency() {
    double[][] consistent = {{1, 2, 4}, {0.5, 1, 2}, {0.25, 0.5, 1}};
    Ahp.Result result = Ahp.weigh(consistent);
    assertThat(result.weights()).containsExactly(new double[] {4 / 7.0, 2 / 7.0, 1 / 7.0}, within(1e-9));
    assertThat(result.lambdaMax()).isCloseTo(3, within(1e-9));
    assertThat(result.consistencyRatio()).isCloseTo(0, within(1e-9));
    assertThat(result.consistent()).isTrue();
  }

  @Test
  void badMatricesNameTheCell() {
    assertThat(Ahp.check(new double[][] {{1, 3}, {0.5, 1}}, 2)).extracting(e -> e.field() + ": " + e.reason())
        .containsExactly("matrix[1][0]: must be the reciprocal of matrix[0][1] (1/3.0)");
    assertThat(Ahp.check(new double[][] {{2, 10}, {0.1, 1}}, 2)).extracting(e -> e.field())
        .containsExactly("matrix[0][0]", "matrix[0][1]", "matrix[1][0]");
    assertThat(Ahp.check(new double[][] {{1, 3}}, 2)).extracting(e -> e.field()).containsExactly("matrix");
    assertThat(Ahp.check(new double[][] {{1, 0.333}, {3, 1}}, 2)).isEmpty();
  }
}
