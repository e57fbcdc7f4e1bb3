package pmo.performance;

import pmo.platform.Choice;

/**
 * How the PMO follows up a red status report: it notes it and follows it up itself, or the steering committee is told
 * (a notice through the outbox).
 */
public enum RedReportFollowUp implements Choice {
  NOTED, STEERING;
}
