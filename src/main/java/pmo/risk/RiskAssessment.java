package pmo.risk;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One (re)assessment of a risk, as risk_assessment keeps it: kind, values, decision (the PMO's or the steering
 * committee's; none for the owner's assessments) and comment, who and when.
 */
public record RiskAssessment(
    long id,
    long riskId,
    AssessmentKind kind,
    int probability,
    int impact,
    int score,
    RiskLevel level,
    BigDecimal monetaryImpact,
    BigDecimal exposure,
    RiskDecision decision,
    String comment,
    String assessedBy,
    OffsetDateTime assessedAt) {
}
