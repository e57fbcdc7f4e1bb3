package pmo.improvement.standard;

import java.time.OffsetDateTime;

/**
 * One governance process in a standards review: what its owners were shown (the analytics of the last twelve months,
 * the open improvement proposals) and what they found: whether a change is needed, what and why, and the improvement
 * proposal their change became.
 */
public record ReviewItem(long reviewId, String processKey, String processName, String analyticsSummary,
    String openProposals, Boolean changeNeeded, String proposedChange, String expectedBenefit, String reviewedBy,
    OffsetDateTime reviewedAt, Long proposalId) {
}
