package pmo.platform.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import pmo.platform.Choice;
import pmo.platform.Choices;
import pmo.platform.InvalidInputException;

/**
 * A process variable with its name and type in one constant (the idea of camunda-bpm-data): processes declare their
 * variables as {@code Var} constants in their {@code XxxProcess} class, and nobody else writes a variable name or casts
 * {@code getVariable}. Reading converts what Camunda Forms submit (numbers as Integer/Long/Double, dates as ISO text)
 * to the declared type and names the variable in the error when it cannot.
 *
 * <p>Longer than 200 lines: one conversion per declared type (text, numbers, dates, choices, lists of rows), kept
 * beside the declaration they serve so that every variable is read and written the same way.
 */
public final class Var<T> {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final Function<Object, T> reader;
  private final Function<T, Object> writer;
  private final List<String> choices;

  private Var(String name, Function<Object, T> reader, Function<T, Object> writer) {
    this(name, reader, writer, List.of());
  }

  private Var(String name, Function<Object, T> reader, Function<T, Object> writer, List<String> choices) {
    this.name = name;
    this.reader = reader;
    this.writer = writer;
    this.choices = choices;
  }

  public static Var<String> text(String name) {
    return new Var<>(name, v -> v instanceof String s ? s : String.valueOf(v), v -> v);
  }

  public static Var<Long> id(String name) {
    return new Var<>(name, v -> v instanceof Number n ? Long.valueOf(n.longValue()) : Long.valueOf(v.toString().trim()),
        v -> v);
  }

  public static Var<Integer> integer(String name) {
    return new Var<>(name, v -> v instanceof Number n ? Integer.valueOf(n.intValue()) : Integer.valueOf(v.toString().trim()),
        v -> v);
  }

  public static Var<BigDecimal> decimal(String name) {
    return new Var<>(name, v -> v instanceof BigDecimal b ? b
        : v instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(v.toString().trim()),
        // stored as Double so forms and gateways read a plain number
        v -> v == null ? null : v.doubleValue());
  }

  public static Var<Boolean> flag(String name) {
    return new Var<>(name, v -> v instanceof Boolean b ? b : Boolean.valueOf(v.toString().trim()), v -> v);
  }

  /**
   * One of a closed set of choices (a decision, a type, a route), held as its value (what the form submitted and the
   * model compares with) and read as its enum constant; any other value is an input error naming the variable and the
   * allowed values.
   */
  public static <E extends Enum<E> & Choice> Var<E> choice(String name, Class<E> type) {
    return new Var<>(name, v -> type.isInstance(v) ? type.cast(v) : Choices.of(type, v.toString(), name),
        v -> v == null ? null : v.value(), Arrays.stream(type.getEnumConstants()).map(Choice::value).toList());
  }

  /** A date as Camunda Forms' date picker submits it: ISO text {@code yyyy-MM-dd}. */
  public static Var<LocalDate> date(String name) {
    return new Var<>(name, v -> v instanceof LocalDate d ? d : LocalDate.parse(v.toString().trim().substring(0, 10)),
        v -> v == null ? null : v.toString());
  }

  /**
   * A list of texts, such as the ticked values of a Camunda Forms checklist (Tasklist submits them as a JSON array).
   * Stored as a JSON variable.
   */
  public static Var<List<String>> texts(String name) {
    return new Var<>(name, Var::readTexts, v -> v == null ? null : json(v));
  }

  /**
   * The rows of a form's dynamic list (a table: one object of fields per row), as Tasklist submits it (a JSON array of
   * objects). Stored as a JSON variable, so a form can show rows prepared by the process.
   */
  public static Var<List<Map<String, Object>>> rows(String name) {
    return new Var<>(name, Var::readRows, v -> v == null ? null : json(v));
  }

  /**
   * The options of a form field whose values come from a variable (form-js {@code valuesKey}): a JSON list of
   * {@code {label, value}}, which Tasklist hands to the form as it is.
   */
  public static Var<List<Option>> options(String name) {
    return new Var<>(name, v -> {
      throw new IllegalArgumentException("options are written for forms, not read");
    }, v -> v == null ? null : json(v));
  }

  /** One option of a select, radio or checklist. */
  public record Option(String label, String value) {
  }

  public String name() {
    return name;
  }

  /**
   * The values a choice variable may hold, in the enum's order; empty for any other variable. The forms' options, the
   * decision tables' values and the gateways' comparisons of this variable are among them (ChoiceValuesTest).
   */
  public List<String> choices() {
    return choices;
  }

  /** The value, or null when the variable is unset or blank. */
  public T get(VariableScope scope) {
    return convert(scope.getVariable(name));
  }

  public T get(Map<String, Object> variables) {
    return convert(variables.get(name));
  }

  /** The value; a missing value is an input error naming the variable. */
  public T require(VariableScope scope) {
    T value = get(scope);
    if (value == null) {
      throw InvalidInputException.of(name, "is required");
    }
    return value;
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, writer.apply(value));
  }

  /**
   * Sets the variable unless it holds that value already (the start event's initiator, a start form's field the
   * stored case confirms): the engine writes an update and its history for every set, equal or not.
   */
  public void setIfChanged(VariableScope scope, T value) {
    Object raw = writer.apply(value);
    if (raw == null || !raw.equals(scope.getVariable(name))) {
      scope.setVariable(name, raw);
    }
  }

  /**
   * Sets the variable for the rest of this transaction only: a transient variable, never written to the database or
   * to the history, for a value that a later step of the same transaction reads (a decision table's input, what a
   * decision listener notes for the next service task). The engine refuses a transient variable where a stored one of
   * that name exists (one an instance started before this change holds), so that one is removed first.
   */
  public void setTransient(VariableScope scope, T value) {
    if (scope.hasVariable(name) && !isTransient(scope)) {
      scope.removeVariable(name);
    }
    scope.setVariable(name, Variables.untypedValue(writer.apply(value), true));
  }

  private boolean isTransient(VariableScope scope) {
    TypedValue typed = scope.getVariableTyped(name, false);
    return typed != null && typed.isTransient();
  }

  /** Removes the variable, so a form that shows it again starts empty. */
  public void remove(VariableScope scope) {
    scope.removeVariable(name);
  }

  /**
   * Puts the value into a map of variables to start a process with, leaving an absent value out: the engine writes
   * each variable three times (runtime, history, detail), null or not, and a later form or step creates it when it
   * has a value (issue 15). Only for variables no expression of the model reads before a step sets them.
   */
  public void put(Map<String, Object> variables, T value) {
    if (value != null) {
      variables.put(name, writer.apply(value));
    }
  }

  /** The value as it is stored in the engine, for building variable maps. */
  public Object raw(T value) {
    return writer.apply(value);
  }

  private T convert(Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    try {
      return reader.apply(value);
    } catch (IllegalArgumentException | DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw InvalidInputException.of(name, "has an unreadable value '" + value + "'");
    }
  }

  private static List<String> readTexts(Object value) {
    if (value instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).toList();
    }
    try {
      // a JSON variable (Spin) prints as its JSON text
      JsonNode node = JSON.readTree(value.toString());
      if (!node.isArray()) {
        throw new IllegalArgumentException("not a JSON array");
      }
      List<String> texts = new ArrayList<>();
      node.forEach(n -> texts.add(n.asText()));
      return texts;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> readRows(Object value) {
    try {
      JsonNode node = value instanceof Collection<?> c ? JSON.valueToTree(c) : JSON.readTree(value.toString());
      if (!node.isArray()) {
        throw new IllegalArgumentException("not a JSON array");
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      for (JsonNode row : node) {
        if (!row.isObject()) {
          throw new IllegalArgumentException("a row is not an object");
        }
        rows.add(JSON.convertValue(row, Map.class));
      }
      return rows;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON", e);
    }
  }

  private static Object json(Object value) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value + " as JSON", e);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
