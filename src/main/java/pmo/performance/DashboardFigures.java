package pmo.performance;

import java.math.BigDecimal;
import java.time.LocalDate;
import pmo.project.Rag;

/** The figures of the dashboard and of {@code /api/performance}, one record per chart's data point or table row. */
public final class DashboardFigures {

  private DashboardFigures() {
  }

  /** The portfolio at a glance: projects in execution, their RAG and KPI bands, weighted indices, breaches. */
  public record Portfolio(long projects, long reporting, long green, long amber, long red, long bandGreen,
      long bandAmber, long bandRed, BigDecimal spi, BigDecimal cpi, BigDecimal bac, long openPlans,
      long reportsMissing, long trendFalling) {
  }

  /** One project's latest KPIs (a row of the ranked table; the worst band and lowest SPI first). */
  public record ProjectKpis(long projectId, String code, String name, String manager, String category,
      LocalDate statusDate, Rag ragOverall, String kpiBand, BigDecimal bac, BigDecimal plannedValue,
      BigDecimal earnedValue, BigDecimal actualCost, BigDecimal spi, BigDecimal cpi, BigDecimal spiT,
      BigDecimal eacTypical, LocalDate plannedFinish, LocalDate forecastFinishEs, LocalDate forecastFinishSpi,
      Boolean trendFalling, Long openPlanId) {
  }

  /** A point of a project's S-curve: cumulative PV, EV and AC at a status date. */
  public record CurvePoint(LocalDate statusDate, BigDecimal bac, BigDecimal plannedValue, BigDecimal earnedValue,
      BigDecimal actualCost) {
  }

  /** A point of a project's trend: SPI, CPI, SPI(t), the EACs and the trend flag at a status date. */
  public record TrendPoint(LocalDate statusDate, BigDecimal spi, BigDecimal cpi, BigDecimal spiT,
      BigDecimal eacTypical, BigDecimal eacAtypical, BigDecimal eacCombined, LocalDate forecastFinishEs,
      LocalDate forecastFinishSpi, Boolean trendFalling) {
  }

  /** Cases escalated and not yet settled, by kind of case. */
  public record OpenEscalations(String entityType, long open) {
  }

  /** Change requests decided in a month and their average cycle time (raised to decision) in days. */
  public record ChangeCycle(String month, long decided, BigDecimal averageDays) {
  }

  /** A status report past its due day and not submitted. */
  public record MissingReport(long reportId, long projectId, String code, String name, String manager,
      LocalDate statusDate, LocalDate dueDate, long daysLate) {
  }
}
