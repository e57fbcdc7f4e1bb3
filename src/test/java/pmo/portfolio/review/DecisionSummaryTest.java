package pmo.portfolio.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import pmo.notice.NoticeTexts;
import pmo.notice.Text;

/** The steering committee reads every change of a proposal, however large the portfolio. */
class DecisionSummaryTest {

  private static final ReviewRepository.Review REVIEW = new ReviewRepository.Review(7, "pi", "quarterly", "olga",
      null, ReviewStatus.PROPOSED, null, null, 1, "olga", null, "Architects are short", null, null, null, null);

  private static final NoticeTexts TEXTS = new NoticeTexts();
  private static final Function<Text, String> ENGLISH = text -> TEXTS.text(Locale.ENGLISH, text);

  @Test
  void changesComeFirstAndTheUnchangedAreCountedWhenTheyDoNotFit() {
    List<ReviewRepository.Decision> decisions = new ArrayList<>();
    for (int i = 1; i <= 300; i++) {
      decisions.add(decision("PRJ-" + i, "CONTINUE", null));
    }
    decisions.add(decision("PRJ-301", "PAUSE", "No architect"));
    decisions.add(new ReviewRepository.Decision(null, "PROPOSAL", 9, "PROPOSAL-9", "Portal", "APPROVE", null, null,
        "paula", LocalDate.of(2027, 2, 1), false, null));

    String summary = DecisionSummary.of(REVIEW, decisions, ENGLISH);

    assertThat(summary).hasSizeLessThanOrEqualTo(DecisionSummary.LIMIT)
        .startsWith("Round 1, proposed by olga:\n- PRJ-301 Name PRJ-301: pause — No architect\n"
            + "- PROPOSAL-9 Portal: approve (manager paula, start Feb 1, 2027)\n- PRJ-1 Name PRJ-1: continue\n")
        .containsPattern("- and \\d+ more left as they are \\(continue, stay on hold or defer; the whole list: "
            + "GET /api/portfolio/reviews/7\\)\nEvery other running project continues as it is.\n")
        .endsWith("\nRationale: Architects are short");
  }

  @Test
  void aSmallProposalListsEveryDecision() {
    String summary = DecisionSummary.of(REVIEW, List.of(decision("PRJ-1", "CONTINUE", null),
        decision("PRJ-2", "STOP", "Benefits gone")), ENGLISH);
    assertThat(summary).isEqualTo("Round 1, proposed by olga:\n- PRJ-2 Name PRJ-2: stop — Benefits gone\n"
        + "- PRJ-1 Name PRJ-1: continue\nEvery other running project continues as it is.\n\n"
        + "Rationale: Architects are short");
  }

  @Test
  void aNoticeToAChineseReaderHasTheSummaryInChinese() {
    String summary = DecisionSummary.of(REVIEW, List.of(decision("PRJ-2", "STOP", "Benefits gone"),
        new ReviewRepository.Decision(null, "PROPOSAL", 9, "PROPOSAL-9", "Portal", "APPROVE", null, null, "paula",
            LocalDate.of(2027, 2, 1), false, null)), text -> TEXTS.text(Locale.SIMPLIFIED_CHINESE, text));
    assertThat(summary).isEqualTo("第 1 轮，提议人 olga：\n- PRJ-2 Name PRJ-2：终止 — Benefits gone\n"
        + "- PROPOSAL-9 Portal：批准（项目经理 paula，计划开始 2027年2月1日）\n"
        + "其余在建项目均维持现状，继续进行。\n\n理由说明：Architects are short");
  }

  @Test
  void aProjectOnHoldStaysOnHoldAmongTheUnchangedAndAResumedOneIsAChange() {
    String summary = DecisionSummary.of(REVIEW, List.of(decision("PRJ-1", "PAUSE", null, "ON_HOLD"),
        decision("PRJ-2", "CONTINUE", null, "ON_HOLD"), decision("PRJ-3", "CONTINUE", "Still on plan", "ACTIVE"),
        decision("PRJ-4", "PAUSE", "No architect", "ACTIVE")), ENGLISH);
    assertThat(summary).isEqualTo("Round 1, proposed by olga:\n- PRJ-2 Name PRJ-2: resume\n"
        + "- PRJ-4 Name PRJ-4: pause — No architect\n- PRJ-1 Name PRJ-1: stay on hold\n"
        + "- PRJ-3 Name PRJ-3: continue — Still on plan\nEvery other running project continues as it is.\n\n"
        + "Rationale: Architects are short");
    assertThat(DecisionSummary.of(REVIEW, List.of(decision("PRJ-1", "PAUSE", null, "ON_HOLD"),
        decision("PRJ-2", "CONTINUE", null, "ON_HOLD")), text -> TEXTS.text(Locale.SIMPLIFIED_CHINESE, text)))
        .contains("- PRJ-2 Name PRJ-2：恢复\n- PRJ-1 Name PRJ-1：维持暂停\n");
  }

  @Test
  void decisionsStoredWithoutTheProjectsStatusReadAsBefore() {
    String summary = DecisionSummary.of(REVIEW, List.of(decision("PRJ-1", "CONTINUE", null, null),
        decision("PRJ-2", "PAUSE", "Old round", null)), ENGLISH);
    assertThat(summary).startsWith("Round 1, proposed by olga:\n- PRJ-2 Name PRJ-2: pause — Old round\n"
        + "- PRJ-1 Name PRJ-1: continue\n");
  }

  private static ReviewRepository.Decision decision(String code, String decision, String reason) {
    return decision(code, decision, reason, "ACTIVE");
  }

  private static ReviewRepository.Decision decision(String code, String decision, String reason, String before) {
    return new ReviewRepository.Decision(null, "PROJECT", 1, code, "Name " + code, decision, reason, null, null, null,
        false, before);
  }
}
