package pmo.platform;

import java.util.Arrays;
import java.util.Collection;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads a choice a form or a REST body submitted (a decision, a type, a gate) into its enum constant, or rejects it
 * naming the field, the allowed values and what was sent: "must be one of approve, reject, not 'maybe'".
 */
public final class Choices {

  private Choices() {
  }

  /** The constant among {@code allowed} whose form value ({@code valueOf}) is {@code input}. */
  public static <E> E pick(Collection<E> allowed, Function<E, String> valueOf, String input, String field) {
    return allowed.stream().filter(choice -> valueOf.apply(choice).equals(input)).findFirst()
        .orElseThrow(() -> InvalidInputException.of(field, "must be one of "
            + allowed.stream().map(valueOf).collect(Collectors.joining(", ")) + ", not '" + input + "'"));
  }

  /** As {@link #pick(Collection, Function, String, String)} over all constants of an enum. */
  public static <E> E pick(E[] allowed, Function<E, String> valueOf, String input, String field) {
    return pick(Arrays.asList(allowed), valueOf, input, field);
  }
}
