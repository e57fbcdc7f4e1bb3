package pmo.issue;

import java.util.List;
import java.util.stream.Collectors;
import pmo.platform.InvalidInputException;

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
    return allowed.stream().filter(d -> d.value.equals(value)).findFirst()
        .orElseThrow(() -> InvalidInputException.of(field, "must be one of "
            + allowed.stream().map(d -> d.value).collect(Collectors.joining(", ")) + ", not '" + value + "'"));
  }
}
