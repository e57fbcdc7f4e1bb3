package pmo.portfolio.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The steering committee reads every change of a proposal, however large the portfolio. */
class DecisionSummaryTest {

  private static final ReviewRepository.Review REVIEW = new ReviewRepository.Review(7, "pi", "quarterly", "olga",
      null, ReviewStatus.PROPOSED, null, null, 1, "olga", null, "Architects are short", null, null, null, null);

  @Test
  void changesComeFirstAndTheUnchangedAreCountedWhenTheyDoNotFit() {
    List<ReviewRepository.Decision> decisions = new ArrayList<>();
    for (int i = 1; i <= 300; i++) {
      decisions.add(decision("PRJ-" + i, "CONTINUE", null));
    }
    decisions.add(decision("PRJ-301", "PAUSE", "No architect"));
    decisions.add(new ReviewRepository.Decision(null, "PROPOSAL", 9, "PROPOSAL-9", "Portal", "APPROVE", null, null,
        "paula", LocalDate.of(2027, 2, 1), false));

    String summary = DecisionSummary.of(REVIEW, decisions);

    assertThat(summary).hasSizeLessThanOrEqualTo(DecisionSummary.LIMIT)
        .startsWith("Round 1, proposed by olga:\n- PRJ-301 Name PRJ-301: pause — No architect\n"
            + "- PROPOSAL-9 Portal: approve (manager paula, start 2027-02-01)\n- PRJ-1 Name PRJ-1: continue\n")
        .containsPattern("- and \\d+ more left as they are \\(continue or defer; the whole list: "
            + "GET /api/portfolio/reviews/7\\)\n")
        .endsWith("\nRationale: Architects are short");
  }

  @Test
  void aSmallProposalListsEveryDecision() {
    String summary = DecisionSummary.of(REVIEW, List.of(decision("PRJ-1", "CONTINUE", null),
        decision("PRJ-2", "STOP", "Benefits gone")));
    assertThat(summary).isEqualTo("Round 1, proposed by olga:\n- PRJ-2 Name PRJ-2: stop — Benefits gone\n"
        + "- PRJ-1 Name PRJ-1: continue\n\nRationale: Architects are short");
  }

  private static ReviewRepository.Decision decision(String code, String decision, String reason) {
    return new ReviewRepository.Decision(null, "PROJECT", 1, code, "Name " + code, decision, reason, null, null, null,
        false);
  }
}
