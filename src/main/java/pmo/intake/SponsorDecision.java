package pmo.intake;

import pmo.platform.Choices;

/** The sponsor's decision; the values are those of the sponsor form. */
enum SponsorDecision {
  APPROVE("approve"), REJECT("reject");

  final String value;

  SponsorDecision(String value) {
    this.value = value;
  }

  static SponsorDecision of(String value, String field) {
    return Choices.pick(values(), d -> d.value, value, field);
  }
}
