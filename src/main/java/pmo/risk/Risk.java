package pmo.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A risk of a project with its current assessment (probability, impact, score, level, monetary impact and exposure:
 * the initial assessment, then each residual one), its response, the last residual assessment and its escalation
 * level (0 none, 1 PMO, 2 steering committee: the highest it has reached).
 */
public record Risk(
    long id,
    long projectId,
    String title,
    String description,
    String category,
    String cause,
    String effect,
    Integer probability,
    Integer impact,
    Integer score,
    RiskLevel level,
    BigDecimal monetaryImpact,
    BigDecimal exposure,
    String owner,
    String raisedBy,
    ResponseStrategy responseStrategy,
    String responsePlan,
    LocalDate dueDate,
    Integer residualProbability,
    Integer residualImpact,
    RiskStatus status,
    int escalationLevel,
    String closureReason,
    Long issueId,
    String processInstanceId,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    int rowVersion) {

  /** How Tasklist and people name it: {@code R-7}. */
  public String code() {
    return "R-" + id;
  }
}
