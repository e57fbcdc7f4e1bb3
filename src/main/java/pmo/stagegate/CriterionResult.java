package pmo.stagegate;

/** One must-meet criterion of gate-criteria.dmn, evaluated: met or not, and what to do when it is not. */
public record CriterionResult(String criterion, String label, boolean passed, String advice) {
}
