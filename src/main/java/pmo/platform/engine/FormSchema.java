package pmo.platform.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import pmo.platform.FieldError;

/**
 * The validation rules of a Camunda Form (form-js schema), applied on the server to what a user submitted: required,
 * min/max length, pattern, number range, and the options of selects and radios. The form is the one source of these
 * rules: the browser applies them before sending, the engine applies them again on completion, so a REST call or an
 * edited request cannot skip them. Fields that are read-only, disabled or shown only under a condition are not checked
 * here (their rules belong to the service that uses them).
 *
 * <p>Longer than 200 lines: the parse of a form-js schema and its rules (fields, dynamic lists and their row fields,
 * conditions) must agree field by field, so they are read in one place.
 */
public final class FormSchema {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "select", "radio",
      "checkbox", "checklist", "taglist", "datetime");
  /** A repeating group of fields (a table of rows) submitted as one list of objects under its {@code path}. */
  private static final String DYNAMIC_LIST = "dynamiclist";

  private final List<JsonNode> fields;

  private FormSchema(List<JsonNode> fields) {
    this.fields = fields;
  }

  public static FormSchema parse(InputStream form) {
    try {
      List<JsonNode> fields = new ArrayList<>();
      collect(JSON.readTree(form), fields);
      return new FormSchema(fields);
    } catch (IOException e) {
      throw new IllegalStateException("the deployed form is not valid JSON: " + e.getMessage(), e);
    }
  }

  /** The keys of the form's input fields (a dynamic list's path), in form order. */
  public List<String> keys() {
    return fields.stream().map(FormSchema::keyOf).toList();
  }

  /** Whether the form has an input field (or a dynamic list) with this key. */
  public boolean has(String key) {
    return fields.stream().anyMatch(f -> key.equals(keyOf(f)));
  }

  /**
   * Whether the key is a dynamic list: its value is the JSON of all its rows (stored as a JSON variable, not as text),
   * so the engine's text limit does not apply to it as a whole; its rows are checked by {@link #validate}.
   */
  public boolean isList(String key) {
    return fields.stream().anyMatch(f -> DYNAMIC_LIST.equals(f.path("type").asText()) && key.equals(keyOf(f)));
  }

  private static String keyOf(JsonNode field) {
    return DYNAMIC_LIST.equals(field.path("type").asText()) ? field.path("path").asText() : field.path("key").asText();
  }

  /**
   * Whether the field shows a value the user cannot change (read-only or disabled): a submission may send it back
   * only unchanged.
   */
  public boolean isReadOnly(String key) {
    return fields.stream().filter(f -> key.equals(keyOf(f)))
        .anyMatch(f -> f.path("readonly").asBoolean(false) || f.path("disabled").asBoolean(false));
  }

  /** The static option values of a select, radio, checklist or taglist field. */
  public List<String> options(String key) {
    return fields.stream().filter(f -> key.equals(f.path("key").asText())).findFirst()
        .map(f -> {
          List<String> values = new ArrayList<>();
          f.path("values").forEach(v -> values.add(v.path("value").asText()));
          return values;
        }).orElse(List.of());
  }

  /** Checks the submitted values; returns one error per field that breaks a rule of the form. */
  public List<FieldError> validate(Map<String, Object> values) {
    List<FieldError> errors = new ArrayList<>();
    for (JsonNode field : fields) {
      if (field.path("readonly").asBoolean(false) || field.path("disabled").asBoolean(false)
          || field.hasNonNull("conditional")) {
        continue;
      }
      String key = keyOf(field);
      if (DYNAMIC_LIST.equals(field.path("type").asText())) {
        checkRows(field, key, values.get(key), errors);
        continue;
      }
      String reason = check(field, values.get(key));
      if (reason != null) {
        errors.add(new FieldError(key, reason));
      }
    }
    return errors;
  }

  /**
   * A dynamic list: a list of rows (objects), each row checked against the list's own fields, errors named
   * {@code path[i].key}. Which rows may be there is the service's to check (it knows the case).
   */
  private static void checkRows(JsonNode list, String path, Object value, List<FieldError> errors) {
    if (value == null) {
      return;
    }
    JsonNode rows;
    try {
      rows = JSON.valueToTree(value instanceof Collection<?> ? value : JSON.readTree(value.toString()));
    } catch (IOException | IllegalArgumentException e) {
      errors.add(new FieldError(path, "must be a list of rows"));
      return;
    }
    if (!rows.isArray()) {
      errors.add(new FieldError(path, "must be a list of rows"));
      return;
    }
    List<JsonNode> rowFields = new ArrayList<>();
    collect(list, rowFields);
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      if (!row.isObject()) {
        errors.add(new FieldError(path + "[" + i + "]", "must be a row of fields"));
        continue;
      }
      for (JsonNode field : rowFields) {
        if (field.path("readonly").asBoolean(false) || field.path("disabled").asBoolean(false)
            || field.hasNonNull("conditional")) {
          continue;
        }
        String key = keyOf(field);
        JsonNode cell = row.get(key);
        Object cellValue = cell == null || cell.isNull() ? null : cell.isNumber() ? cell.numberValue()
            : cell.isBoolean() ? cell.booleanValue() : cell.isContainerNode() ? cell.toString() : cell.asText();
        String reason = check(field, cellValue);
        if (reason != null) {
          errors.add(new FieldError(path + "[" + i + "]." + key, reason));
        }
      }
    }
  }

  private static String check(JsonNode field, Object value) {
    JsonNode rules = field.path("validate");
    boolean blank = value == null || (value instanceof String s && s.isBlank())
        || (value instanceof Collection<?> c && c.isEmpty());
    if (blank) {
      return rules.path("required").asBoolean(false) ? "is required" : null;
    }
    return switch (field.path("type").asText()) {
      case "number" -> checkNumber(rules, value);
      case "select", "radio" -> checkOption(field, value);
      case "checklist", "taglist" -> value instanceof Collection<?> c
          ? c.stream().map(v -> checkOption(field, v)).filter(r -> r != null).findFirst().orElse(null)
          : checkOption(field, value);
      case "checkbox" -> value instanceof Boolean || "true".equals(value) || "false".equals(value)
          ? null : "must be true or false";
      case "datetime" -> checkDate(field, value);
      default -> checkText(rules, value.toString());
    };
  }

  private static String checkText(JsonNode rules, String text) {
    if (isNumber(rules.path("minLength")) && text.length() < rules.path("minLength").asInt()) {
      return "must be at least " + rules.path("minLength").asInt() + " characters";
    }
    if (isNumber(rules.path("maxLength")) && text.length() > rules.path("maxLength").asInt()) {
      return "must be at most " + rules.path("maxLength").asInt() + " characters";
    }
    String pattern = rules.path("pattern").asText("");
    if (!pattern.isEmpty() && !pattern.startsWith("=")) {
      try {
        if (!Pattern.compile(pattern).matcher(text).matches()) {
          return "does not match the pattern " + pattern;
        }
      } catch (PatternSyntaxException e) {
        return null;
      }
    }
    if ("email".equals(rules.path("validationType").asText())
        && !text.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      return "must be an e-mail address";
    }
    return null;
  }

  private static String checkNumber(JsonNode rules, Object value) {
    BigDecimal number;
    try {
      number = value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(value.toString().trim());
    } catch (NumberFormatException e) {
      return "must be a number";
    }
    if (isNumber(rules.path("min")) && number.compareTo(new BigDecimal(rules.path("min").asText())) < 0) {
      return "must be at least " + rules.path("min").asText();
    }
    if (isNumber(rules.path("max")) && number.compareTo(new BigDecimal(rules.path("max").asText())) > 0) {
      return "must be at most " + rules.path("max").asText();
    }
    return null;
  }

  private static String checkOption(JsonNode field, Object value) {
    if (!field.has("values")) {
      return null; // options come from a variable (valuesKey): the service checks them
    }
    List<String> options = new ArrayList<>();
    field.path("values").forEach(v -> options.add(v.path("value").asText()));
    return options.contains(value.toString()) ? null
        : "must be one of " + options.stream().collect(Collectors.joining(", ")) + ", not '" + value + "'";
  }

  private static String checkDate(JsonNode field, Object value) {
    if (!"date".equals(field.path("subtype").asText("date"))) {
      return null;
    }
    try {
      String text = value.toString().trim();
      LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
      return null;
    } catch (DateTimeParseException e) {
      return "must be a date (yyyy-MM-dd)";
    }
  }

  private static boolean isNumber(JsonNode node) {
    return node.isNumber() || (node.isTextual() && node.asText().matches("-?\\d+(\\.\\d+)?"));
  }

  /** The input fields of a form or a group; a dynamic list is one field (its own fields belong to its rows). */
  private static void collect(JsonNode node, List<JsonNode> fields) {
    for (JsonNode component : node.path("components")) {
      if (DYNAMIC_LIST.equals(component.path("type").asText()) && component.hasNonNull("path")) {
        fields.add(component);
        continue;
      }
      if (component.hasNonNull("key") && INPUT_TYPES.contains(component.path("type").asText())) {
        fields.add(component);
      }
      collect(component, fields);
    }
  }
}
