package pmo.intake;

import pmo.platform.Choice;

/** The PMO's screening outcomes; the values are those of the screening form. */
enum ScreeningDecision implements Choice {
  COMPLETE, MORE_INFO, REJECT;
}
