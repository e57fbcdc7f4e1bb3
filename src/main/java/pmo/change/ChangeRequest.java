package pmo.change;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A request to change an approved project's scope, time, cost or quality, with its assessed impact and route. */
public record ChangeRequest(
    long id,
    long projectId,
    String title,
    String description,
    String reason,
    ChangeType changeType,
    String requester,
    ChangeStatus status,
    BigDecimal costDelta,
    int scheduleDeltaDays,
    String scopeChange,
    QualityImpact qualityImpact,
    String riskNotes,
    String assessedBy,
    String assessmentComment,
    Integer assessedBaseline,
    BigDecimal costDeltaPct,
    BigDecimal scheduleDeltaPct,
    Route route,
    String routeDecisionKey,
    Integer routeDecisionVersion,
    int round,
    String outcomeReason,
    Integer newBaselineVersion,
    String implementedBy,
    String implementationNotes,
    String verifiedBy,
    String processInstanceId,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    OffsetDateTime assessedAt,
    OffsetDateTime implementedAt) {

  /** The short reference people use, e.g. CR-12. */
  public String reference() {
    return "CR-" + id;
  }
}
