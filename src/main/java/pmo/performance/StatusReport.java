package pmo.performance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import pmo.project.Rag;

/**
 * One status report of one project for one cycle day ({@code statusDate}): DUE until its manager submits it, then
 * SUBMITTED with the figures as given and the KPIs computed at submission against the baseline then current (kept as
 * they were), or CANCELLED when the project stopped reporting (on hold, closed, cancelled) before it was submitted.
 */
public record StatusReport(
    long id,
    long projectId,
    LocalDate statusDate,
    LocalDate dueDate,
    String status,
    String processInstanceId,
    Rag ragSchedule,
    Rag ragCost,
    Rag ragScope,
    Rag ragQuality,
    Rag ragOverall,
    BigDecimal percentComplete,
    BigDecimal earnedValue,
    BigDecimal actualCost,
    String milestones,
    String narrative,
    String nextSteps,
    String helpNeeded,
    String improvementProgress,
    Integer baselineVersion,
    BigDecimal bac,
    BigDecimal plannedValue,
    BigDecimal sv,
    BigDecimal cv,
    BigDecimal spi,
    BigDecimal cpi,
    BigDecimal eacTypical,
    BigDecimal eacAtypical,
    BigDecimal eacCombined,
    BigDecimal etc,
    BigDecimal vac,
    BigDecimal tcpi,
    Integer plannedDays,
    Integer actualDays,
    BigDecimal esDays,
    BigDecimal spiT,
    BigDecimal svTDays,
    LocalDate forecastFinishEs,
    LocalDate forecastFinishSpi,
    Integer milestonesDue,
    Integer milestonesOnTime,
    Integer openHighRisks,
    BigDecimal changeCycleDays,
    BigDecimal issueSlaRate,
    String kpiBand,
    Boolean trendFalling,
    Long improvementPlanId,
    String pmoAssessment,
    RedReportFollowUp pmoFollowUp,
    String reviewedBy,
    OffsetDateTime reviewedAt,
    String submittedBy,
    OffsetDateTime submittedAt,
    String closedReason,
    OffsetDateTime createdAt) {

  public static final String DUE = "DUE";
  public static final String SUBMITTED = "SUBMITTED";
  public static final String CANCELLED = "CANCELLED";
}
