package pmo.performance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A performance improvement plan: opened by the status report whose KPIs entered the red band (one per breach
 * episode), drafted by the project manager (actions with owners and due dates), agreed by the PMO, followed up at the
 * next reports and closed by the report whose KPIs are green again (or with its project). The breach also raised the
 * risk {@code riskId} through the risk process.
 */
public record ImprovementPlan(
    long id,
    long projectId,
    String status,
    String breach,
    long openedByReportId,
    Long closedByReportId,
    Long riskId,
    String actions,
    String draftedBy,
    OffsetDateTime draftedAt,
    PlanDecision pmoDecision,
    String pmoComment,
    String agreedBy,
    OffsetDateTime agreedAt,
    String closedReason,
    OffsetDateTime closedAt,
    String processInstanceId,
    OffsetDateTime openedAt,
    int rowVersion) {

  public static final String DRAFTING = "DRAFTING";
  public static final String IN_AGREEMENT = "IN_AGREEMENT";
  public static final String AGREED = "AGREED";
  public static final String CLOSED = "CLOSED";

  /** One action of the plan. */
  public record Action(int seq, String action, String owner, LocalDate dueDate) {
  }

  /** A plan with its actions and the reports that followed it up. */
  public record Details(ImprovementPlan plan, List<Action> actions, List<Long> followUpReportIds) {
  }
}
