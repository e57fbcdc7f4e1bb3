package pmo.escalation;

import org.camunda.bpm.engine.delegate.VariableScope;
import pmo.platform.engine.Var;

/**
 * What a model tells its escalation step ({@code ${escalateCase}}), in variables that every process names alike: why
 * ({@code escalationTrigger}), to whom ({@code escalateTo}: a group or user id; none for a reminder), at which level
 * ({@code escalationLevel}: 0 for a reminder, 1 and up for an escalation) and, optionally, by which rule
 * ({@code escalationRule}). A model sets them as input parameters of the step (issue-escalation.bpmn,
 * change-request.bpmn) or maps them from a decision table's result (risk-escalation.bpmn). The step writes back
 * {@code escalationReason}, which the escalated party's forms show.
 */
public record EscalationStep(EscalationTrigger trigger, String escalateTo, int level, String rule) {

  public static final Var<EscalationTrigger> TRIGGER = Var.choice("escalationTrigger", EscalationTrigger.class);
  public static final Var<String> ESCALATE_TO = Var.text("escalateTo");
  public static final Var<Integer> LEVEL = Var.integer("escalationLevel");
  public static final Var<String> RULE = Var.text("escalationRule");
  /** Written by the step: the reason of the record, for the forms of whoever the case went to. */
  public static final Var<String> REASON = Var.text("escalationReason");

  /** The step as the model gives it; a missing trigger or level is a modelling error, which fails the step. */
  public static EscalationStep of(VariableScope scope) {
    EscalationTrigger trigger = TRIGGER.get(scope);
    Integer level = LEVEL.get(scope);
    if (trigger == null || level == null) {
      throw new IllegalStateException("an escalation step needs the variables " + TRIGGER + " and " + LEVEL
          + " (input parameters or a decision's result), not " + TRIGGER + "=" + trigger + ", " + LEVEL + "=" + level);
    }
    return new EscalationStep(trigger, ESCALATE_TO.get(scope), level, RULE.get(scope));
  }

  public EscalationKind kind() {
    return trigger.kind();
  }
}
