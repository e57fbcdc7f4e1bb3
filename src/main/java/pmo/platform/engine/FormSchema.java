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
 */
public final class FormSchema {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "select", "radio",
      "checkbox", "checklist", "taglist", "datetime");

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

  /** The keys of the form's input fields, in form order. */
  public List<String> keys() {
    return fields.stream().map(f -> f.path("key").asText()).toList();
  }

  /** Whether the form has an input field with this key. */
  public boolean has(String key) {
    return fields.stream().anyMatch(f -> key.equals(f.path("key").asText()));
  }

  /**
   * Whether the field shows a value the user cannot change (read-only or disabled): a submission may send it back
   * only unchanged.
   */
  public boolean isReadOnly(String key) {
    return fields.stream().filter(f -> key.equals(f.path("key").asText()))
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
      String key = field.path("key").asText();
      String reason = check(field, values.get(key));
      if (reason != null) {
        errors.add(new FieldError(key, reason));
      }
    }
    return errors;
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

  private static void collect(JsonNode node, List<JsonNode> fields) {
    for (JsonNode component : node.path("components")) {
      if (component.hasNonNull("key") && INPUT_TYPES.contains(component.path("type").asText())) {
        fields.add(component);
      }
      collect(component, fields);
    }
  }
}
