package pmo.stagegate;

import pmo.platform.Choice;

/** Whether a closed project met its objectives, as the post-project review form asks. */
enum ObjectivesMet implements Choice {
  MET("met"), PARTLY("partly"), NOT_MET("notMet");

  private final String value;

  ObjectivesMet(String value) {
    this.value = value;
  }

  @Override
  public String value() {
    return value;
  }
}
