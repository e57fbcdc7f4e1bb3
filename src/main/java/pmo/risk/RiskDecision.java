package pmo.risk;

import java.util.List;
import pmo.platform.Choice;

/**
 * What the PMO ({@code accept}, {@code newResponse}, {@code escalate}) and the steering committee ({@code accept},
 * {@code newResponse}) decide on an escalated risk; the values are those of their forms.
 */
public enum RiskDecision implements Choice {
  ACCEPT, NEW_RESPONSE, ESCALATE;

  static final List<RiskDecision> PMO = List.of(ACCEPT, NEW_RESPONSE, ESCALATE);
  static final List<RiskDecision> STEERING = List.of(ACCEPT, NEW_RESPONSE);
}
