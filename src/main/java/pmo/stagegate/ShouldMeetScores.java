package pmo.stagegate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scores of a gate's should-meet criteria in their configured order: the board's scores for the criteria it
 * scores, and for a criterion that names a project fact 5 when the fact is true and 1 when it is not (a fact nobody
 * recorded counts as not true). So "project manager trained in the current standard" (fact {@code managerTrained},
 * pmo.improvement.training) weighs in the total score as the training records have it, not as the board remembers.
 */
final class ShouldMeetScores {

  static final int FACT_TRUE = 5;
  static final int FACT_FALSE = 1;

  private ShouldMeetScores() {
  }

  static List<Integer> of(List<StageGateSettings.ShouldMeet> criteria, List<Integer> boardScores,
      Map<String, Object> facts) {
    List<Integer> scores = new ArrayList<>();
    int next = 0;
    for (StageGateSettings.ShouldMeet c : criteria) {
      scores.add(c.byBoard() ? boardScores.get(next++)
          : Boolean.TRUE.equals(facts.get(c.fact())) ? FACT_TRUE : FACT_FALSE);
    }
    return scores;
  }
}
