package pmo.audit;

import java.time.OffsetDateTime;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Filters of the audit trail, bound from query parameters; null means any. {@code from} is inclusive, {@code to}
 * exclusive, both ISO date-times.
 */
public record AuditFilter(Long projectId, String processInstanceId, String actor, String action, String entityType,
    String entityId, @DateTimeFormat(iso = ISO.DATE_TIME) OffsetDateTime from,
    @DateTimeFormat(iso = ISO.DATE_TIME) OffsetDateTime to) {
}
