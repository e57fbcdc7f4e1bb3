package pmo.risk;

import java.util.Locale;
import pmo.platform.Choice;

/** How the owner responds to a risk; forms use the lower-case names. */
public enum ResponseStrategy implements Choice {
  AVOID, MITIGATE, TRANSFER, ACCEPT;

  /** The form value: the lower-case name. */
  @Override
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
