package pmo.issue;

import java.util.List;
import pmo.platform.Choices;

/**
 * What the PMO ({@code resolved}, {@code reassign}, {@code escalate}) and the steering committee ({@code reassign},
 * {@code close}) decide on an escalated issue; the values are those of their forms.
 */
public enum IssueDecision {
  RESOLVED("resolved"), REASSIGN("reassign"), ESCALATE("escalate"), CLOSE("close");

  static final List<IssueDecision> PMO = List.of(RESOLVED, REASSIGN, ESCALATE);
  static final List<IssueDecision> STEERING = List.of(REASSIGN, CLOSE);

  final String value;

  IssueDecision(String value) {
    this.value = value;
  }

  static IssueDecision of(String value, String field, List<IssueDecision> allowed) {
    return Choices.pick(allowed, d -> d.value, value, field);
  }
}
