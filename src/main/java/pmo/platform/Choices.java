package pmo.platform;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a choice a form, a REST body or a decision table gave (a decision, a type, a gate) into its enum constant, or
 * rejects it naming the field, the allowed values and what was sent: "must be one of approve, reject, not 'maybe'".
 * This is the one place where choice values are parsed; past it, services and repositories take the enums.
 */
public final class Choices {

  private Choices() {
  }

  /** The constant of {@code type} whose value is {@code input}. */
  public static <E extends Enum<E> & Choice> E of(Class<E> type, String input, String field) {
    return of(List.of(type.getEnumConstants()), input, field);
  }

  /** The constant among {@code allowed} (a step may offer only some of an enum's choices) whose value is {@code input}. */
  public static <E extends Choice> E of(Collection<E> allowed, String input, String field) {
    E choice = find(allowed, input).orElse(null);
    if (choice == null) {
      throw InvalidInputException.of(field, reason(allowed, input));
    }
    return choice;
  }

  /** As {@link #of(Class, String, String)}, collecting the error instead: {@code null} when there is no such choice. */
  public static <E extends Enum<E> & Choice> E check(InputErrors errors, Class<E> type, String input, String field) {
    List<E> allowed = Arrays.asList(type.getEnumConstants());
    E choice = find(allowed, input).orElse(null);
    if (choice == null) {
      errors.add(field, reason(allowed, input));
    }
    return choice;
  }

  /** {@code choice} when it is among {@code allowed} (the options of one step); otherwise an error naming the field. */
  public static <E extends Choice> E among(Collection<E> allowed, E choice, String field) {
    if (choice == null || !allowed.contains(choice)) {
      throw InvalidInputException.of(field, reason(allowed, choice == null ? null : choice.value()));
    }
    return choice;
  }

  /**
   * The constant among {@code allowed} whose value or name (as the REST API and the database write it) is
   * {@code input}; for readers that name the field themselves (JSON bodies: {@code pmo.platform.web.ChoiceJson}).
   */
  public static <E extends Choice> Optional<E> find(Collection<E> allowed, String input) {
    return allowed.stream().filter(choice -> choice.value().equals(input)
        || (choice instanceof Enum<?> constant && constant.name().equals(input))).findFirst();
  }

  /** Why {@code input} is none of {@code allowed}: "is required", or "must be one of a, b, not 'x'". */
  public static String reason(Collection<? extends Choice> allowed, String input) {
    return input == null || input.isBlank() ? "is required"
        : "must be one of " + allowed.stream().map(Choice::value).collect(Collectors.joining(", ")) + ", not '"
            + input + "'";
  }
}
