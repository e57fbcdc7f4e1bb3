package pmo.risk;

import java.util.List;
import java.util.stream.Collectors;
import pmo.platform.InvalidInputException;

/**
 * What the PMO ({@code accept}, {@code newResponse}, {@code escalate}) and the steering committee ({@code accept},
 * {@code newResponse}) decide on an escalated risk; the values are those of their forms.
 */
public enum RiskDecision {
  ACCEPT("accept"), NEW_RESPONSE("newResponse"), ESCALATE("escalate");

  static final List<RiskDecision> PMO = List.of(ACCEPT, NEW_RESPONSE, ESCALATE);
  static final List<RiskDecision> STEERING = List.of(ACCEPT, NEW_RESPONSE);

  final String value;

  RiskDecision(String value) {
    this.value = value;
  }

  static RiskDecision of(String value, String field, List<RiskDecision> allowed) {
    return allowed.stream().filter(d -> d.value.equals(value)).findFirst()
        .orElseThrow(() -> InvalidInputException.of(field, "must be one of "
            + allowed.stream().map(d -> d.value).collect(Collectors.joining(", ")) + ", not '" + value + "'"));
  }
}
