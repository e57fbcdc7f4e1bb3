package pmo.performance;

import pmo.platform.Choice;

/** The PMO's decision on an improvement plan: agree to it, or send it back to the project manager for rework. */
public enum PlanDecision implements Choice {
  AGREE, REWORK;
}
