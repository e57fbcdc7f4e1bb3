package pmo.portfolio.review;

/**
 * OPEN (pack compiled, the PMO's proposal due) → PROPOSED → APPROVED → APPLIED, or SENT_BACK to the PMO; SKIPPED (a
 * scheduled review while another was open); CANCELLED (its process was ended by an administrator).
 */
enum ReviewStatus {
  OPEN, PROPOSED, SENT_BACK, APPROVED, APPLIED, SKIPPED, CANCELLED
}
