package pmo.change;

import pmo.platform.Choice;

/** Change types: standard (pre-approved), normal (routed), emergency (expedited, reviewed after). */
public enum ChangeType implements Choice {
  STANDARD, NORMAL, EMERGENCY;
}
