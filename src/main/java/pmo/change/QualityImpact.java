package pmo.change;

import java.util.Arrays;
import pmo.platform.InvalidInputException;

/** How much a change affects the quality of the project's result. */
public enum QualityImpact {
  NONE("none"), MINOR("minor"), MAJOR("major");

  final String value;

  QualityImpact(String value) {
    this.value = value;
  }

  static QualityImpact of(String value, String field) {
    return Arrays.stream(values()).filter(q -> q.value.equals(value)).findFirst()
        .orElseThrow(() -> InvalidInputException.of(field, "must be one of none, minor, major, not '" + value + "'"));
  }
}
