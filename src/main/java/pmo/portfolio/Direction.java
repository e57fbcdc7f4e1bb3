package pmo.portfolio;

/**
 * Which way a criterion counts. A benefit counts its score as given (5 is best); for cost and risk a high score is bad,
 * so the weighted score counts 6 − s.
 */
public enum Direction {
  BENEFIT, COST, RISK;

  /** The score as the weighted sum counts it. */
  int counted(int score) {
    return this == BENEFIT ? score : 6 - score;
  }
}
