package pmo.intake;

import java.util.Arrays;
import pmo.platform.InvalidInputException;

/** The PMO's screening outcomes; the values are those of the screening form. */
enum ScreeningDecision {
  COMPLETE("complete"), MORE_INFO("moreInfo"), REJECT("reject");

  final String value;

  ScreeningDecision(String value) {
    this.value = value;
  }

  static ScreeningDecision of(String value, String field) {
    return Arrays.stream(values()).filter(d -> d.value.equals(value)).findFirst()
        .orElseThrow(() -> InvalidInputException.of(field, "must be one of complete, moreInfo, reject, not '" + value + "'"));
  }
}
