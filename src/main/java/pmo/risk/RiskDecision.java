package pmo.risk;

import java.util.List;
import pmo.platform.Choice;

/**
 * What the PMO ({@code accept}, {@code newResponse}, {@code escalate}) and the steering committee ({@code accept},
 * {@code newResponse}) decide on an escalated risk; the values are those of their forms.
 */
public enum RiskDecision implements Choice {
  ACCEPT("accept"), NEW_RESPONSE("newResponse"), ESCALATE("escalate");

  static final List<RiskDecision> PMO = List.of(ACCEPT, NEW_RESPONSE, ESCALATE);
  static final List<RiskDecision> STEERING = List.of(ACCEPT, NEW_RESPONSE);

  private final String value;

  RiskDecision(String value) {
    this.value = value;
  }

  @Override
  public String value() {
    return value;
  }

}
