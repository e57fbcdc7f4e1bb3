package pmo.intake;

import pmo.platform.Choices;

/** The PMO's screening outcomes; the values are those of the screening form. */
enum ScreeningDecision {
  COMPLETE("complete"), MORE_INFO("moreInfo"), REJECT("reject");

  final String value;

  ScreeningDecision(String value) {
    this.value = value;
  }

  static ScreeningDecision of(String value, String field) {
    return Choices.pick(values(), d -> d.value, value, field);
  }
}
