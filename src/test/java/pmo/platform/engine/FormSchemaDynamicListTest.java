package pmo.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pmo.platform.FieldError;

/**
 * A form's dynamic list (a table of rows, as the gate package's staffing plan), plain JUnit: the list is one field
 * under its path, submitted as a JSON list of rows; each row is checked against the list's own fields, errors naming
 * {@code path[i].key}; a value that is no list of rows is refused. (A list shown on a condition, as the gate package's,
 * is checked by the step that reads it.)
 */
class FormSchemaDynamicListTest {

  @Test
  void eachRowIsCheckedAgainstTheListsFields() {
    FormSchema form = staffingForm();
    assertThat(form.has("staffing")).isTrue();
    assertThat(form.isList("staffing")).isTrue();
    assertThat(form.isList("summary")).isFalse();
    assertThat(form.keys()).contains("staffing").doesNotContain("role", "fte");

    String rows = "[{\"role\":\"developer\",\"from\":\"2027-01\",\"to\":\"2027-03\",\"fte\":2},"
        + "{\"role\":\"\",\"from\":\"2027-13\",\"fte\":-1}]";
    List<FieldError> errors = form.validate(Map.of("staffing", rows));
    assertThat(errors).extracting(FieldError::field)
        .containsExactlyInAnyOrder("staffing[1].role", "staffing[1].from", "staffing[1].fte");
  }

  @Test
  void aValueThatIsNoListOfRowsIsRefused() {
    FormSchema form = staffingForm();
    assertThat(form.validate(Map.of("staffing", "{\"role\":\"developer\"}"))).extracting(FieldError::field)
        .contains("staffing");
    assertThat(form.validate(Map.of("staffing", "[1, 2]"))).extracting(FieldError::field)
        .contains("staffing[0]", "staffing[1]");
    assertThat(form.validate(Map.of("staffing", "not json"))).extracting(FieldError::field).contains("staffing");
  }

  private static FormSchema staffingForm() {
    String form = """
        {"components": [
          {"type": "textfield", "key": "summary", "id": "Field_summary"},
          {"type": "dynamiclist", "path": "staffing", "id": "Field_staffing", "isRepeating": true, "components": [
            {"type": "textfield", "key": "role", "id": "Field_role", "validate": {"required": true}},
            {"type": "textfield", "key": "from", "id": "Field_from",
             "validate": {"required": true, "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$"}},
            {"type": "textfield", "key": "to", "id": "Field_to", "validate": {"pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$"}},
            {"type": "number", "key": "fte", "id": "Field_fte", "validate": {"required": true, "min": 0}}]}]}""";
    return FormSchema.parse(new ByteArrayInputStream(form.getBytes(StandardCharsets.UTF_8)));
  }
}
