package pmo.performance;

import java.math.BigDecimal;
import pmo.project.Rag;

/**
 * A status report as the project manager submits it (the form's keys, the REST body): RAG for schedule, cost, scope,
 * quality and overall; the earned value or the percent complete (one is
 * enough: EV = BAC × percent); the actual cost to date; the milestones reached or missed, one per line as
 * {@code name | planned yyyy-mm-dd | reached yyyy-mm-dd} or {@code name | planned yyyy-mm-dd | missed}; the narrative,
 * next steps, help needed and, while an improvement plan is open, the progress on its actions.
 */
public record ReportDraft(Rag ragSchedule, Rag ragCost, Rag ragScope, Rag ragQuality, Rag ragOverall,
    BigDecimal earnedValue, BigDecimal percentComplete, BigDecimal actualCost, String milestones, String narrative,
    String nextSteps, String helpNeeded, String improvementProgress) {
}
