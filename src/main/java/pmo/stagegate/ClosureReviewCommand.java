package pmo.stagegate;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The post-project review (its form): objectives met, the actual finish and cost, what went well and what to improve
 * (one lesson per line) and the tags of those lessons.
 */
record ClosureReviewCommand(ObjectivesMet objectivesMet, LocalDate actualFinish, BigDecimal actualCost, String wentWell,
    String toImprove, String lessonTags) {
}
