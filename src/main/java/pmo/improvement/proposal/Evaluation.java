package pmo.improvement.proposal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The PMO's evaluation of a proposal: accept, reject or more-info, always with a reason; on accept who implements it
 * by when, and the recognition points for the proposer.
 */
record Evaluation(ProposalService.Decision decision, String reason, String implementer, LocalDate implementBy, BigDecimal points) {
}
