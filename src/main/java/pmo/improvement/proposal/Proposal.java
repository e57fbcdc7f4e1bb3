package pmo.improvement.proposal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** An improvement proposal as stored, with the lessons learned it came from. */
public record Proposal(
    long id,
    String title,
    String problem,
    String proposal,
    String expectedBenefit,
    String concerns,
    Long projectId,
    String proposer,
    ProposalStatus status,
    String evaluationReason,
    String evaluatedBy,
    OffsetDateTime evaluatedAt,
    String implementer,
    LocalDate implementBy,
    String implementationNotes,
    String deploymentId,
    OffsetDateTime implementedAt,
    String verificationComment,
    String verifiedBy,
    OffsetDateTime verifiedAt,
    Long reviewId,
    String processInstanceId,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    List<Long> lessonIds) {

  /** How the PMO and the notices name it: IP-12. */
  public String reference() {
    return "IP-" + id;
  }

  Proposal withLessons(List<Long> lessons) {
    return new Proposal(id, title, problem, proposal, expectedBenefit, concerns, projectId, proposer, status,
        evaluationReason, evaluatedBy, evaluatedAt, implementer, implementBy, implementationNotes, deploymentId,
        implementedAt, verificationComment, verifiedBy, verifiedAt, reviewId, processInstanceId, createdAt, updatedAt,
        lessons);
  }
}
