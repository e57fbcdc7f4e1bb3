package pmo.change;

import java.time.OffsetDateTime;

/** One approval decision or board vote on a change request, in a round (a round ends when it is sent back). */
public record Approval(
    long id,
    long changeRequestId,
    int round,
    ApprovalStage stage,
    String approver,
    String approverGroup,
    ApprovalDecision decision,
    String comment,
    String taskId,
    OffsetDateTime decidedAt) {
}
