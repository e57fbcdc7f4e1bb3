package pmo.improvement.proposal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pmo.improvement.proposals.*} (config/application.yaml): the recognition points the evaluation and verification
 * forms offer for an accepted and for a verified proposal ({@code accepted-points}, {@code verified-points}) and the
 * most the PMO may award at once ({@code max-points}); when the implementer is reminded before the due date
 * ({@code reminder-before}) and how long after it the implementation is escalated to the PMO ({@code escalate-after});
 * the areas of the standard a proposal may concern besides the deployed processes and decisions ({@code areas}).
 * A value out of range stops the start.
 */
@ConfigurationProperties("pmo.improvement.proposals")
record ProposalSettings(Integer acceptedPoints, Integer verifiedPoints, Integer maxPoints, Duration reminderBefore,
    Duration escalateAfter, List<String> areas) {

  ProposalSettings {
    acceptedPoints = acceptedPoints == null ? 10 : acceptedPoints;
    verifiedPoints = verifiedPoints == null ? 20 : verifiedPoints;
    maxPoints = maxPoints == null ? 100 : maxPoints;
    reminderBefore = reminderBefore == null ? Duration.ofDays(3) : reminderBefore;
    escalateAfter = escalateAfter == null ? Duration.ZERO : escalateAfter;
    areas = areas == null ? List.of() : List.copyOf(areas);
    if (maxPoints < 0 || acceptedPoints < 0 || verifiedPoints < 0 || acceptedPoints > maxPoints
        || verifiedPoints > maxPoints) {
      throw new IllegalStateException("pmo.improvement.proposals: accepted-points and verified-points must be between"
          + " 0 and max-points (" + maxPoints + "), not " + acceptedPoints + " and " + verifiedPoints);
    }
    if (reminderBefore.isNegative() || escalateAfter.isNegative()) {
      throw new IllegalStateException("pmo.improvement.proposals.reminder-before and escalate-after must not be"
          + " negative");
    }
  }
}
