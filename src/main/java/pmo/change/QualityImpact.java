package pmo.change;

import pmo.platform.Choice;

/** How much a change affects the quality of the project's result. */
public enum QualityImpact implements Choice {
  NONE("none"), MINOR("minor"), MAJOR("major");

  private final String value;

  QualityImpact(String value) {
    this.value = value;
  }

  @Override
  public String value() {
    return value;
  }

}
