package pmo.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One version of a project's approved baseline. Version 1 is set at registration; later versions come from approved
 * change requests. Versions are never changed or deleted, so every earlier baseline stays readable.
 */
public record Baseline(
    long id,
    long projectId,
    int version,
    BigDecimal budgetAtCompletion,
    LocalDate plannedStart,
    LocalDate plannedFinish,
    String scopeSummary,
    String reason,
    Long changeRequestId,
    String createdBy,
    OffsetDateTime createdAt) {
}
