package pmo.intake;

import pmo.platform.Choice;

/** The sponsor's decision; the values are those of the sponsor form. */
enum SponsorDecision implements Choice {
  APPROVE, REJECT;
}
