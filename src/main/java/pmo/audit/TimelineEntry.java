package pmo.audit;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One thing that happened to a project, from the engine's history or the audit trail: a process started or ended, a
 * task created and completed (by whom), a variable changed, a decision taken (rule version, inputs, outputs; by whose
 * step: the user whose action ran it, or {@code system} for a timer or job), a domain record changed (before/after).
 * {@code caseReference} names the case the row belongs to (the business key of its process, such as {@code CR-3}, or
 * of the process that called it), none for a row of the project itself.
 */
public record TimelineEntry(OffsetDateTime at, String kind, String title, String actor, String processInstanceId,
    String process, String caseReference, Map<String, Object> details) {
}
