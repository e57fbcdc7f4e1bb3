package pmo.change;

import pmo.platform.Choice;

/** The requester's verification of an implemented change; the values are those of the verification form. */
public enum VerificationOutcome implements Choice {
  /** The change does what was asked: the request closes. */
  ACCEPT,
  /** It does not: back to implementation, with a comment saying why. */
  REOPEN;
}
