package pmo.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A project proposal going through intake. */
public record Proposal(
    long id,
    String title,
    String businessCase,
    String sponsor,
    String category,
    BigDecimal estimatedBudget,
    int estimatedMonths,
    String strategicObjective,
    String expectedBenefits,
    String requester,
    ProposalStatus status,
    String decisionReason,
    String projectManager,
    LocalDate plannedStart,
    Long projectId,
    String processInstanceId,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  /** The proposal's reference: the business key of its intake process and the first word of its tasks. */
  public String reference() {
    return "PRP-" + id;
  }
}
