package pmo.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import pmo.platform.Money;

/** The context text of the decision forms: escaping, units, order and the 4,000 characters a variable holds. */
class ContextTextTest {

  @Test
  void whatAUserWroteCannotPoseAsMarkdownOrHtml() {
    String text = new ContextText().heading("CR-1 · # Not a heading").line("Title", "<script>x</script> [a](b) **b**")
        .decision(null, "PMO approval: approve", "olga", "line one\n#### line two").text();
    assertThat(text).startsWith("#### CR\\-1 · \\# Not a heading\n")
        .contains("**Title:** \\<script\\>x\\</script\\> \\[a\\]\\(b\\) \\*\\*b\\*\\*")
        .contains("“line one \\#\\#\\#\\# line two”").doesNotContain("<script>", "\n#### line");
  }

  @Test
  void moneyHasItsCurrencyAndPercentagesTheirSign() {
    Money euro = new Money(null);
    assertThat(euro.format(new BigDecimal("150000"))).isEqualTo("150,000.00 EUR");
    assertThat(euro.signed(new BigDecimal("12000.5"))).isEqualTo("+12,000.50 EUR");
    assertThat(euro.signed(new BigDecimal("-500"))).isEqualTo("-500.00 EUR");
    assertThat(new Money("chf").format(BigDecimal.ONE)).isEqualTo("1.00 CHF");
    assertThatThrownBy(() -> new Money("EURO")).hasMessageContaining("pmo.currency");
    assertThat(ContextText.percent(new BigDecimal("8.256"))).isEqualTo("+8.26 %");
    assertThat(ContextText.percent(new BigDecimal("-3"))).isEqualTo("-3.00 %");
    assertThat(ContextText.percent(BigDecimal.ZERO)).isEqualTo("0.00 %");
    assertThat(ContextText.word("BOARD_AND_STEERING")).isEqualTo("Board and steering");
  }

  @Test
  void decisionsShowNewestFirstAndTheOldestGiveWayWhenTheTextWouldBeTooLong() {
    ContextText context = new ContextText().heading("CR-7 · Long history");
    OffsetDateTime start = OffsetDateTime.of(2026, 1, 1, 9, 0, 0, 0, ZoneOffset.UTC);
    for (int i = 0; i < 20; i++) {
      context.decision(start.plusHours(i), "Vote " + i, "carl", "x".repeat(1000));
    }
    String text = context.text();
    assertThat(text.length()).isLessThanOrEqualTo(ContextText.MAX);
    assertThat(text).contains("Vote 19", "earlier entries not shown").doesNotContain("Vote 0*");
    assertThat(text.indexOf("Vote 19")).isLessThan(text.indexOf("Vote 18"));
    // a comment is clipped to 600 characters
    assertThat(text).contains("x".repeat(ContextText.MAX_COMMENT - 1) + "…").doesNotContain("x".repeat(601));
  }
}
