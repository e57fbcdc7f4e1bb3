package pmo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import pmo.platform.Choice;
import pmo.platform.FieldError;

/**
 * A choice in a JSON body reads as {@code Choices} reads it (value or name), is refused naming the field and the
 * allowed values, and is written as before (the name). Plain JUnit, with the application's strict mapper settings.
 */
class ChoiceJsonTest {

  enum Answer implements Choice {
    YES("yes"), NOT_NOW("notNow");

    private final String value;

    Answer(String value) {
      this.value = value;
    }

    @Override
    public String value() {
      return value;
    }
  }

  /** A plain enum, not a choice: Jackson's own reading. */
  enum Colour {
    RED
  }

  record Body(String title, Answer answer, List<Answer> more, Colour colour) {
  }

  private final ObjectMapper json = StrictJson.apply(new ObjectMapper());

  @Test
  void aChoiceReadsByItsValueOrItsName() throws Exception {
    Body body = json.readValue("""
        {"title": "t", "answer": "notNow", "more": ["YES", "notNow"], "colour": "RED"}""", Body.class);
    assertThat(body.answer()).isEqualTo(Answer.NOT_NOW);
    assertThat(body.more()).containsExactly(Answer.YES, Answer.NOT_NOW);
    assertThat(body.colour()).isEqualTo(Colour.RED);
  }

  @Test
  void anEmptyTextOrNullIsNoChoice() throws Exception {
    assertThat(json.readValue("{\"answer\": \"\"}", Body.class).answer()).isNull();
    assertThat(json.readValue("{\"answer\": null}", Body.class).answer()).isNull();
  }

  @Test
  void anythingElseNamesTheFieldAndTheAllowedValues() {
    assertThat(problem("{\"title\": \"t\", \"answer\": \"maybe\"}"))
        .containsExactly(new FieldError("answer", "must be one of yes, notNow, not 'maybe'"));
    assertThat(problem("{\"more\": [\"yes\", \"no\"]}"))
        .containsExactly(new FieldError("more.[1]", "must be one of yes, notNow, not 'no'"));
    assertThat(problem("{\"answer\": \"not_now\"}")).as("neither the value nor the name")
        .containsExactly(new FieldError("answer", "must be one of yes, notNow, not 'not_now'"));
    assertThat(problem("{\"answer\": true}"))
        .containsExactly(new FieldError("answer", "must be one of yes, notNow, not 'true'"));
    assertThat(problem("{\"answer\": {\"value\": \"yes\"}}"))
        .containsExactly(new FieldError("answer", "has a value of the wrong type or format"));
  }

  @Test
  void aChoiceIsWrittenAsItsName() throws Exception {
    assertThat(json.writeValueAsString(new Body(null, Answer.NOT_NOW, List.of(Answer.YES), null)))
        .isEqualTo("{\"title\":null,\"answer\":\"NOT_NOW\",\"more\":[\"YES\"],\"colour\":null}");
  }

  private List<FieldError> problem(String body) {
    Throwable failure = catchThrowable(() -> json.readValue(body, Body.class));
    assertThat(failure).as(body).isNotNull();
    return StrictJson.answer(failure).errors();
  }
}
