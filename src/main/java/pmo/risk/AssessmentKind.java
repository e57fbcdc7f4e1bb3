package pmo.risk;

/** Which (re)assessment a row of risk_assessment records. */
public enum AssessmentKind {
  /** By the project manager (or at raising, when the risk came assessed from an identification meeting). */
  INITIAL,
  /** By the owner after the response. */
  RESIDUAL,
  /** The PMO's decision on the escalated risk, with the assessment it decided on. */
  PMO_DECISION,
  /** The steering committee's decision on the escalated risk. */
  STEERING_DECISION
}
