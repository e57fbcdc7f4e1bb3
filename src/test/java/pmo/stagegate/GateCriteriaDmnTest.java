package pmo.stagegate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pmo.DecisionTables;
import pmo.project.ProjectFacts;

/**
 * processes/gate-criteria.dmn, table-driven at every edge: each gate yields each of its must-meet criteria exactly
 * once, met or not, whatever the facts; the criteria of other gates never appear. Whether the project manager is
 * trained in the current standard ({@code managerTrained}, from pmo.improvement.training) is a fact every check records
 * for the board, never a knock-out: each row of the table holds once with the manager trained and once without.
 */
class GateCriteriaDmnTest {

  private static final Map<String, Set<String>> CRITERIA = Map.of(
      "G1", Set.of("charterApproved"),
      "G2", Set.of("baselineSet", "risksAssessed", "noCriticalRiskWithoutResponse"),
      "G3", Set.of("noOpenCriticalIssue", "noCriticalRiskWithoutResponse", "noOpenChangeRequest", "acceptanceSigned"));

  private static final DecisionTables TABLES = DecisionTables.of("gate-criteria.dmn");

  @ParameterizedTest(name = "{0}: charter={1} baseline={2} risks={3}/{4} critical={5} issues={6} changes={7} "
      + "acceptance={8} -> not met: {9}")
  @CsvSource(delimiter = '|', textBlock = """
      # gate | charter | baseline | open risks | assessed | critical w/o response | critical issues | open CRs | acceptance | not met
      G1 | true  | false | 0 | 0 | 0 | 0 | 0 | false | -
      G1 | false | true  | 0 | 0 | 0 | 0 | 0 | true  | charterApproved
      G1 | true  | false | 9 | 0 | 3 | 2 | 4 | false | -
      G2 | false | true  | 0 | 0 | 0 | 0 | 0 | false | -
      G2 | true  | false | 0 | 0 | 0 | 0 | 0 | true  | baselineSet
      G2 | false | true  | 3 | 3 | 0 | 0 | 0 | false | -
      G2 | false | true  | 3 | 2 | 0 | 0 | 0 | false | risksAssessed
      G2 | false | true  | 1 | 0 | 0 | 0 | 0 | false | risksAssessed
      G2 | false | true  | 0 | 5 | 0 | 0 | 0 | false | -
      G2 | false | true  | 0 | 0 | 1 | 0 | 0 | false | noCriticalRiskWithoutResponse
      G2 | false | true  | 0 | 0 | 0 | 7 | 9 | false | -
      G2 | false | false | 4 | 1 | 2 | 0 | 0 | false | baselineSet;risksAssessed;noCriticalRiskWithoutResponse
      G3 | false | false | 5 | 0 | 0 | 0 | 0 | true  | -
      G3 | true  | true  | 0 | 0 | 0 | 1 | 0 | true  | noOpenCriticalIssue
      G3 | true  | true  | 0 | 0 | 1 | 0 | 0 | true  | noCriticalRiskWithoutResponse
      G3 | true  | true  | 0 | 0 | 0 | 0 | 1 | true  | noOpenChangeRequest
      G3 | true  | true  | 0 | 0 | 0 | 0 | 0 | false | acceptanceSigned
      G3 | false | false | 0 | 0 | 2 | 3 | 4 | false | noOpenCriticalIssue;noCriticalRiskWithoutResponse;noOpenChangeRequest;acceptanceSigned
      """)
  void eachGateYieldsEachOfItsCriteriaOnceMetOrNot(String gate, boolean charter, boolean baseline, int openRisks,
      int assessedRisks, int criticalWithoutResponse, int criticalIssues, int openChangeRequests, boolean acceptance,
      String notMet) {
    for (boolean managerTrained : new boolean[] {false, true}) {
      evaluate(gate, charter, baseline, openRisks, assessedRisks, criticalWithoutResponse, criticalIssues,
          openChangeRequests, acceptance, managerTrained, notMet);
    }
  }

  private static void evaluate(String gate, boolean charter, boolean baseline, int openRisks, int assessedRisks,
      int criticalWithoutResponse, int criticalIssues, int openChangeRequests, boolean acceptance,
      boolean managerTrained, String notMet) {
    // the table's inputs are the named fields of ProjectFacts: a renamed field or input fails here
    Map<String, Object> facts = new HashMap<>(new ProjectFacts(charter, acceptance, baseline, openRisks,
        assessedRisks, criticalWithoutResponse, criticalIssues, criticalIssues, openChangeRequests, managerTrained)
        .asVariables());
    assertThat(facts).containsEntry("managerTrained", managerTrained);
    facts.put("gate", gate);

    DmnDecisionTableResult result = TABLES.evaluate(GateCriteria.DECISION, facts);

    List<String> criteria = result.getResultList().stream().map(r -> (String) r.get("criterion")).toList();
    assertThat(criteria).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(CRITERIA.get(gate));
    Set<String> failed = result.getResultList().stream().filter(r -> Boolean.FALSE.equals(r.get("passed")))
        .map(r -> (String) r.get("criterion")).collect(Collectors.toSet());
    assertThat(failed).isEqualTo("-".equals(notMet) ? Set.of() : Set.copyOf(Arrays.asList(notMet.split(";"))));
    result.getResultList().forEach(r -> {
      assertThat((String) r.get("label")).isNotBlank();
      // a criterion not met says what to do about it; a met one has nothing to say
      assertThat(r.get("advice") != null).isEqualTo(Boolean.FALSE.equals(r.get("passed")));
    });
  }

  @Test
  void aGateTheTableDoesNotKnowHasNoCriteria() {
    Map<String, Object> facts = new HashMap<>(ProjectFacts.NONE.asVariables());
    facts.put("gate", "G4");
    assertThat(TABLES.evaluate(GateCriteria.DECISION, facts).getResultList()).isEmpty();
  }

  @Test
  void factsNoSourceGivesMeanNoneRecordedAndNothingShown() {
    Map<String, List<String>> notMet = new HashMap<>();
    for (String gate : List.of("G1", "G2", "G3")) {
      Map<String, Object> facts = new HashMap<>(ProjectFacts.NONE.asVariables());
      facts.put("gate", gate);
      notMet.put(gate, TABLES.evaluate(GateCriteria.DECISION, facts).getResultList().stream()
          .filter(r -> Boolean.FALSE.equals(r.get("passed"))).map(r -> (String) r.get("criterion")).toList());
    }
    // counts default to 0 (no open risks, issues or change requests recorded): those criteria are met; what must be
    // shown (charter, budget baseline, acceptance) defaults to false: those are not
    assertThat(notMet).containsExactlyInAnyOrderEntriesOf(Map.of(
        "G1", List.of("charterApproved"), "G2", List.of("baselineSet"), "G3", List.of("acceptanceSigned")));
  }
}
