package pmo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pmo.platform.engine.Var;

/** Choices are read once, by their value (or the constant's name), and refused naming the field and the options. */
class ChoicesTest {

  /** Values by default: the constant's name in lower camel case. */
  enum Answer implements Choice {
    YES, NOT_NOW, NO
  }

  /** A set whose values are spelled otherwise (a decision table's output, an older model's spelling). */
  enum Spelled implements Choice {
    ONE_WAY;

    @Override
    public String value() {
      return "one-way";
    }
  }

  @Test
  void theDefaultValueIsTheNameInLowerCamelCaseUnlessTheSetSpellsItOtherwise() {
    assertThat(List.of(Answer.values())).extracting(Choice::value).containsExactly("yes", "notNow", "no");
    assertThat(Choices.of(Spelled.class, "one-way", "way")).isEqualTo(Spelled.ONE_WAY);
    assertThatThrownBy(() -> Choices.of(Spelled.class, "oneWay", "way"))
        .hasMessage("way: must be one of one-way, not 'oneWay'");
  }

  @Test
  void aValueOrAConstantNameReadsAsTheConstant() {
    assertThat(Choices.of(Answer.class, "notNow", "answer")).isEqualTo(Answer.NOT_NOW);
    assertThat(Choices.of(Answer.class, "NOT_NOW", "answer")).isEqualTo(Answer.NOT_NOW);
  }

  @Test
  void anythingElseNamesTheFieldAndTheOptions() {
    assertThatThrownBy(() -> Choices.of(Answer.class, "maybe", "answer"))
        .hasMessage("answer: must be one of yes, notNow, no, not 'maybe'");
    assertThatThrownBy(() -> Choices.of(Answer.class, " ", "answer")).hasMessage("answer: is required");
    assertThatThrownBy(() -> Choices.of(List.of(Answer.YES, Answer.NO), "notNow", "answer"))
        .as("a step offering only some of the choices").hasMessage("answer: must be one of yes, no, not 'notNow'");
  }

  @Test
  void aStepOfferingSomeChoicesRefusesTheOthers() {
    assertThat(Choices.among(List.of(Answer.YES, Answer.NO), Answer.NO, "answer")).isEqualTo(Answer.NO);
    assertThatThrownBy(() -> Choices.among(List.of(Answer.YES, Answer.NO), Answer.NOT_NOW, "answer"))
        .hasMessage("answer: must be one of yes, no, not 'notNow'");
    assertThatThrownBy(() -> Choices.among(List.of(Answer.YES, Answer.NO), null, "answer"))
        .hasMessage("answer: is required");
  }

  @Test
  void checkCollectsTheErrorWithTheOthers() {
    InputErrors errors = new InputErrors();
    assertThat(Choices.check(errors, Answer.class, "perhaps", "answer")).isNull();
    assertThat(Choices.check(errors, Answer.class, "yes", "again")).isEqualTo(Answer.YES);
    assertThatThrownBy(errors::throwIfAny).hasMessage("answer: must be one of yes, notNow, no, not 'perhaps'");
  }

  @Test
  void aChoiceVariableHoldsTheValueAndReadsTheConstant() {
    Var<Answer> answer = Var.choice("answer", Answer.class);
    assertThat(answer.raw(Answer.NOT_NOW)).isEqualTo("notNow");
    assertThat(answer.get(Map.of("answer", "notNow"))).isEqualTo(Answer.NOT_NOW);
    assertThat(answer.get(Map.of("answer", ""))).isNull();
    assertThatThrownBy(() -> answer.get(Map.of("answer", "later")))
        .hasMessage("answer: must be one of yes, notNow, no, not 'later'");
  }
}
