package pmo.audit;

import java.time.OffsetDateTime;

/** Filters of the audit trail; null means any. {@code from} is inclusive, {@code to} exclusive. */
public record AuditFilter(Long projectId, String processInstanceId, String actor, String action, String entityType,
    String entityId, OffsetDateTime from, OffsetDateTime to) {
}
