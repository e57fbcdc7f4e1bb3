package pmo.intake;

import pmo.platform.Choice;

/** The sponsor's decision; the values are those of the sponsor form. */
enum SponsorDecision implements Choice {
  APPROVE("approve"), REJECT("reject");

  private final String value;

  SponsorDecision(String value) {
    this.value = value;
  }

  @Override
  public String value() {
    return value;
  }

}
