package pmo.stagegate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The board's decision form: the decision (read from the form's value where the form is submitted; null when none was
 * chosen), the scores of the form's score fields in order (null where empty), notes (the reason to kill, the rework of
 * a recycle) and the hold date.
 */
record BoardDecisionCommand(GateDecision decision, List<BigDecimal> scores, String notes, LocalDate holdUntil) {
}
