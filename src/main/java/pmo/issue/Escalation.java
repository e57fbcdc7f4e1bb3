package pmo.issue;

import java.time.OffsetDateTime;

/**
 * One escalation step of a risk or an issue: who it went to (a group or a user) at which level, the rule that sent it
 * there (a decision table rule or a configured deadline), the deadline whose passing triggered it (if a timer did), the
 * reason in words, when and by whom (a user, or {@code system} for a timer), and by when the escalated party is to act.
 */
public record Escalation(
    long id,
    String entityType,
    long entityId,
    long projectId,
    int level,
    String escalatedTo,
    String escalatedToType,
    String rule,
    OffsetDateTime missedDeadline,
    String reason,
    OffsetDateTime respondBy,
    OffsetDateTime escalatedAt,
    String escalatedBy) {
}
