package pmo.change;

import pmo.platform.Choice;

/** Change types: standard (pre-approved), normal (routed), emergency (expedited, reviewed after). */
public enum ChangeType implements Choice {
  STANDARD("standard"), NORMAL("normal"), EMERGENCY("emergency");

  /** The value of the start form's select, as the routing DMN reads it. */
  private final String value;

  ChangeType(String value) {
    this.value = value;
  }

  @Override
  public String value() {
    return value;
  }

}
