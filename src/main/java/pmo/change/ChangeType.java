package pmo.change;

import pmo.platform.Choices;

/** Change types: standard (pre-approved), normal (routed), emergency (expedited, reviewed after). */
public enum ChangeType {
  STANDARD("standard"), NORMAL("normal"), EMERGENCY("emergency");

  /** The value of the start form's select, as the routing DMN reads it. */
  final String value;

  ChangeType(String value) {
    this.value = value;
  }

  static ChangeType of(String value, String field) {
    return Choices.pick(values(), t -> t.value, value, field);
  }
}
