package pmo.issue;

import pmo.platform.Choice;

/** How bad an issue is; sets its SLA (pmo.issue.sla.*). Forms use the lower-case names. */
public enum IssueSeverity implements Choice {
  LOW, MEDIUM, HIGH, CRITICAL;
}
