package pmo.change;

import pmo.platform.Choice;

/** How much a change affects the quality of the project's result. */
public enum QualityImpact implements Choice {
  NONE, MINOR, MAJOR;
}
