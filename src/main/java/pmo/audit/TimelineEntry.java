package pmo.audit;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One thing that happened to a project, from the engine's history or the audit trail: a process started or ended, a
 * task created and completed (by whom), a variable changed, a decision taken (rule version, inputs, outputs), a domain
 * record changed (before/after).
 */
public record TimelineEntry(OffsetDateTime at, String kind, String title, String actor, String processInstanceId,
    String process, Map<String, Object> details) {
}
