package pmo.intake;

import pmo.platform.Choice;

/** The PMO's screening outcomes; the values are those of the screening form. */
enum ScreeningDecision implements Choice {
  COMPLETE("complete"), MORE_INFO("moreInfo"), REJECT("reject");

  private final String value;

  ScreeningDecision(String value) {
    this.value = value;
  }

  @Override
  public String value() {
    return value;
  }

}
