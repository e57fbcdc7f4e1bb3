package pmo.stagegate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import pmo.IntegrationTest;
import pmo.stagegate.StageGateSettings.Deliverable;
import pmo.stagegate.StageGateSettings.ShouldMeet;

/** The PMO's standard in config/application.yaml, and the checks that stop the start-up when it is broken. */
class StageGateSettingsTest extends IntegrationTest {

  @Autowired
  StageGateSettings configured;

  @Test
  void theShippedStandardHasABoardDeliverablesAndWeightedCriteriaForEveryGate() {
    assertThat(configured.boards()).containsExactlyInAnyOrderEntriesOf(
        Map.of(Gate.G1, "pmo", Gate.G2, "steering-committee", Gate.G3, "pmo"));
    assertThat(configured.deliverables(Gate.G1)).extracting(Deliverable::fact).contains("charterApproved");
    assertThat(configured.deliverables(Gate.G3)).extracting(Deliverable::fact).contains("acceptanceSigned");
    assertThat(configured.shouldMeet(Gate.G2)).hasSize(4);
    assertThat(configured.lessonsOffered()).isEqualTo(5);
  }

  /**
   * G1's should-meet criterion "project manager trained in the current standard" is scored by the training records
   * (the project fact managerTrained, pmo.improvement.training): 5 when trained, 1 when not or unknown; the board
   * scores the others, in order, and the weights make the total.
   */
  @ParameterizedTest(name = "board {0},{1},{2}, managerTrained={3} -> {4}, total {5}")
  @CsvSource(delimiter = '|', textBlock = """
      # board scores    | managerTrained | scores   | total
      4 | 3 | 5         | false          | 4;3;5;1  | 3.4
      4 | 3 | 5         | true           | 4;3;5;5  | 4.2
      4 | 3 | 5         | -              | 4;3;5;1  | 3.4
      1 | 1 | 1         | true           | 1;1;1;5  | 1.8
      5 | 5 | 5         | false          | 5;5;5;1  | 4.2
      5 | 5 | 5         | true           | 5;5;5;5  | 5.0
      """)
  void g1ScoresTheTrainingOfTheProjectManagerFromItsFacts(int strategicFit, int businessCase, int feasibility,
      String managerTrained, String scores, String total) {
    List<ShouldMeet> g1 = configured.shouldMeet(Gate.G1);
    assertThat(g1).extracting(c -> c.key() + "=" + c.weight() + (c.byBoard() ? "" : " by " + c.fact()))
        .containsExactly("strategicFit=0.4", "businessCase=0.2", "feasibility=0.2", "managerTrained=0.2 by managerTrained");
    assertThat(configured.scoredByBoard(Gate.G1)).extracting(ShouldMeet::key)
        .containsExactly("strategicFit", "businessCase", "feasibility");
    Map<String, Object> facts = new java.util.HashMap<>(pmo.project.ProjectFacts.NONE.asVariables());
    if ("-".equals(managerTrained)) {
      facts.remove("managerTrained");
    } else {
      facts.put("managerTrained", Boolean.parseBoolean(managerTrained));
    }

    List<Integer> scored = ShouldMeetScores.of(g1, List.of(strategicFit, businessCase, feasibility), facts);

    assertThat(scored).containsExactlyElementsOf(java.util.Arrays.stream(scores.split(";")).map(Integer::valueOf)
        .toList());
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < g1.size(); i++) {
      sum = sum.add(g1.get(i).weight().multiply(BigDecimal.valueOf(scored.get(i))));
    }
    assertThat(sum).isEqualByComparingTo(total);
  }

  @Test
  void aBrokenStandardIsRefusedWithWhatIsWrong() {
    assertThatThrownBy(() -> settings(Map.of(Gate.G1, "pmo", Gate.G2, "pmo"), weights("0.5", "0.5")))
        .hasMessage("stage-gate standard: pmo.stagegate.boards.G3 is not set");
    assertThatThrownBy(() -> settings(boards(), weights("0.5", "0.4")))
        .hasMessage("stage-gate standard: pmo.stagegate.should-meet.G1: the weights sum to 0.9, not 1");
    assertThatThrownBy(() -> settings(boards(),
        IntStream.range(0, 9).mapToObj(i -> "0.1").toArray(String[]::new)))
        .hasMessage("stage-gate standard: pmo.stagegate.should-meet.G1 needs 1 to 8 criteria the board scores");
    Map<Gate, List<ShouldMeet>> notAFact = criteria(weights("1"));
    notAFact.put(Gate.G1, List.of(new ShouldMeet("risks", "Risks", BigDecimal.ONE, "openRisks")));
    assertThatThrownBy(() -> new StageGateSettings(boards(), deliverables(), notAFact, 5))
        .hasMessage("stage-gate standard: pmo.stagegate.should-meet.G1.risks: fact 'openRisks' is no yes/no fact of a"
            + " project (ProjectFacts)");
    Map<Gate, List<Deliverable>> duplicate = deliverables();
    duplicate.put(Gate.G2, List.of(new Deliverable("plan", "Plan", null), new Deliverable("plan", "Plan", null)));
    assertThatThrownBy(() -> new StageGateSettings(boards(), duplicate, criteria(weights("1")), 5))
        .hasMessage("stage-gate standard: pmo.stagegate.deliverables.G2: 'plan' is not a unique key (letters, "
            + "digits, - and _)");
    Map<Gate, List<Deliverable>> badFact = deliverables();
    badFact.put(Gate.G3, List.of(new Deliverable("acceptance", "Acceptance", "Acceptance Signed")));
    assertThatThrownBy(() -> new StageGateSettings(boards(), badFact, criteria(weights("1")), 5))
        .hasMessage("stage-gate standard: pmo.stagegate.deliverables.G3.acceptance: fact 'Acceptance Signed' is "
            + "none of the facts gate-criteria.dmn reads (charterApproved, acceptanceSigned)");
  }

  private static StageGateSettings settings(Map<Gate, String> boards, String... weights) {
    return new StageGateSettings(boards, deliverables(), criteria(weights), null);
  }

  private static Map<Gate, String> boards() {
    return Map.of(Gate.G1, "pmo", Gate.G2, "steering-committee", Gate.G3, "pmo");
  }

  private static Map<Gate, List<Deliverable>> deliverables() {
    Map<Gate, List<Deliverable>> d = new EnumMap<>(Gate.class);
    for (Gate gate : Gate.values()) {
      d.put(gate, List.of(new Deliverable("doc", "A document", null)));
    }
    return d;
  }

  private static String[] weights(String... weights) {
    return weights;
  }

  private static Map<Gate, List<ShouldMeet>> criteria(String... weights) {
    List<ShouldMeet> list = IntStream.range(0, weights.length)
        .mapToObj(i -> new ShouldMeet("c" + i, "Criterion " + i, new BigDecimal(weights[i]), null)).toList();
    Map<Gate, List<ShouldMeet>> c = new EnumMap<>(Gate.class);
    for (Gate gate : Gate.values()) {
      c.put(gate, list);
    }
    return c;
  }
}
