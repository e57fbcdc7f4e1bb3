package pmo.risk;

import java.util.List;
import pmo.escalation.Escalation;

/** A risk with every (re)assessment and every escalation step, oldest first. */
public record RiskDetails(Risk risk, List<RiskAssessment> history, List<Escalation> escalations) {
}
