package pmo.risk;

import pmo.platform.Choice;

/** How the owner responds to a risk; forms use the lower-case names. */
public enum ResponseStrategy implements Choice {
  AVOID, MITIGATE, TRANSFER, ACCEPT;
}
