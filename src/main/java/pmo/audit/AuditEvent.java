package pmo.audit;

import java.time.OffsetDateTime;

/**
 * One row of the audit trail: who did what to which record, when, in which process and task, before and after; its
 * place in the hash chain ({@code seq}, {@code prevHash}, {@code hash}), null until the {@link AuditSealer} has
 * chained it (within about a second of its commit).
 */
public record AuditEvent(
    long id,
    Long seq,
    OffsetDateTime occurredAt,
    String actor,
    String action,
    String entityType,
    String entityId,
    Long projectId,
    String beforeState,
    String afterState,
    String processInstanceId,
    String taskId,
    String prevHash,
    String hash) {
}
