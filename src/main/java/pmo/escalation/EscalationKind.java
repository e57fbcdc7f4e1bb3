package pmo.escalation;

/**
 * REMINDER: the people a case waits for are reminded (level 0, no party above them, no respond-by); ESCALATION: the
 * case goes to a group or user above (level 1 and up).
 */
public enum EscalationKind {
  REMINDER, ESCALATION
}
