package pmo.issue;

import java.util.List;
import pmo.platform.Choice;

/**
 * What the PMO ({@code resolved}, {@code reassign}, {@code escalate}) and the steering committee ({@code reassign},
 * {@code close}) decide on an escalated issue; the values are those of their forms.
 */
public enum IssueDecision implements Choice {
  RESOLVED, REASSIGN, ESCALATE, CLOSE;

  static final List<IssueDecision> PMO = List.of(RESOLVED, REASSIGN, ESCALATE);
  static final List<IssueDecision> STEERING = List.of(REASSIGN, CLOSE);
}
