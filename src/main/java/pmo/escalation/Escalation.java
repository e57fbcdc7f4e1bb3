package pmo.escalation;

import java.time.OffsetDateTime;

/**
 * One reminder or escalation step of a case (a risk, an issue, a change request...): its kind and trigger; who it
 * went to (a group or a user; none for a reminder, which goes to whoever the case waits for) at which level (0 for a
 * reminder); the rule that sent it there (a decision table rule or a configured deadline); the deadline whose passing
 * triggered it, if one did; who the case was waiting for; the reason in words; by when the escalated party is to act
 * (if a timer waits for it); when and by whom (a user, or {@code system} for a timer). The project is null for a case
 * that belongs to none.
 */
public record Escalation(
    long id,
    String entityType,
    long entityId,
    Long projectId,
    EscalationKind kind,
    EscalationTrigger trigger,
    int level,
    String escalatedTo,
    String escalatedToType,
    String rule,
    OffsetDateTime missedDeadline,
    String waitingFor,
    String reason,
    OffsetDateTime respondBy,
    OffsetDateTime escalatedAt,
    String escalatedBy) {
}
