package pmo.stagegate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
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

  @Test
  void aBrokenStandardIsRefusedWithWhatIsWrong() {
    assertThatThrownBy(() -> settings(Map.of(Gate.G1, "pmo", Gate.G2, "pmo"), weights("0.5", "0.5")))
        .hasMessage("stage-gate standard: pmo.stagegate.boards.G3 is not set");
    assertThatThrownBy(() -> settings(boards(), weights("0.5", "0.4")))
        .hasMessage("stage-gate standard: pmo.stagegate.should-meet.G1: the weights sum to 0.9, not 1");
    assertThatThrownBy(() -> settings(boards(),
        IntStream.range(0, 9).mapToObj(i -> "0.1").toArray(String[]::new)))
        .hasMessage("stage-gate standard: pmo.stagegate.should-meet.G1 needs 1 to 8 criteria");
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
        .mapToObj(i -> new ShouldMeet("c" + i, "Criterion " + i, new BigDecimal(weights[i]))).toList();
    Map<Gate, List<ShouldMeet>> c = new EnumMap<>(Gate.class);
    for (Gate gate : Gate.values()) {
      c.put(gate, list);
    }
    return c;
  }
}
