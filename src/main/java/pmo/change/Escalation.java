package pmo.change;

import java.time.OffsetDateTime;

/** A reminder or an escalation of an overdue approval: who was waited for, since when, why, to whom it went. */
public record Escalation(
    long id,
    long changeRequestId,
    String kind,
    ApprovalStage stage,
    OffsetDateTime openSince,
    String waitingFor,
    String escalatedTo,
    String reason,
    String recordedBy,
    OffsetDateTime recordedAt) {
}
