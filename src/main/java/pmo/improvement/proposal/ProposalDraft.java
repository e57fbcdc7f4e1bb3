package pmo.improvement.proposal;

/**
 * An improvement proposal as its proposer writes it: a short title, the problem seen, the proposal, the benefit
 * expected, what it concerns (a process or decision key, or an area of the standard), the project where it came up
 * (optional) and the lessons learned it came from (lesson ids, separated by commas or spaces; optional).
 */
public record ProposalDraft(String title, String problem, String proposal, String expectedBenefit, String concerns,
    Long projectId, String lessonIds) {
}
