package pmo.intake;

import java.util.Arrays;
import pmo.platform.InvalidInputException;

/** The sponsor's decision; the values are those of the sponsor form. */
enum SponsorDecision {
  APPROVE("approve"), REJECT("reject");

  final String value;

  SponsorDecision(String value) {
    this.value = value;
  }

  static SponsorDecision of(String value, String field) {
    return Arrays.stream(values()).filter(d -> d.value.equals(value)).findFirst()
        .orElseThrow(() -> InvalidInputException.of(field, "must be approve or reject, not '" + value + "'"));
  }
}
