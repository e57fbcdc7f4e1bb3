package pmo.change;

import java.util.Arrays;
import java.util.stream.Collectors;
import pmo.platform.InvalidInputException;

/** Change types (DESIGN.md §7): standard (pre-approved), normal (routed), emergency (expedited, reviewed after). */
public enum ChangeType {
  STANDARD("standard"), NORMAL("normal"), EMERGENCY("emergency");

  /** The value of the start form's select, as the routing DMN reads it. */
  final String value;

  ChangeType(String value) {
    this.value = value;
  }

  static ChangeType of(String value, String field) {
    return Arrays.stream(values()).filter(t -> t.value.equals(value)).findFirst()
        .orElseThrow(() -> InvalidInputException.of(field, "must be one of "
            + Arrays.stream(values()).map(t -> t.value).collect(Collectors.joining(", ")) + ", not '" + value + "'"));
  }
}
