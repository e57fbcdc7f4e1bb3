package pmo.issue;

import java.util.Locale;
import pmo.platform.Choice;

/** How bad an issue is; sets its SLA (pmo.issue.sla.*). Forms use the lower-case names. */
public enum IssueSeverity implements Choice {
  LOW, MEDIUM, HIGH, CRITICAL;

  /** The form value ({@code low}, {@code high} ...). */
  @Override
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
