package pmo.improvement.analytics;

import java.util.List;

/**
 * The figures of one process for a period (months {@code from} to {@code to}, inclusive), one version or all, one
 * project category or all, as {@code /api/analytics} answers and the page at {@code /analytics/} draws them on the
 * diagram of {@code diagramDefinitionId}. Durations are milliseconds; percentiles are within 2 % of the exact value
 * ({@link Distribution}). {@code pending} counts starts and ends not indexed yet.
 */
public record AnalyticsReport(String process, String processName, Integer version,
    List<VersionInfo> versions, String diagramDefinitionId, String from, String to, String category,
    Totals totals, List<NodeFigure> nodes, List<FlowFigure> flows, String slowestStep, List<PeriodFigure> periods,
    long pending) {

  public record VersionInfo(int version, String versionTag, String definitionId) {
  }

  /**
   * The process as a whole: instances started, completed (reached an end) and cancelled in the period, the cycle time of
   * the completed ones, reminders and escalations their steps sent, instances with a rework loop.
   */
  public record Totals(long started, long completed, long cancelled, Long cycleP50Ms, Long cycleP90Ms,
      Long cycleMeanMs, long reminders, long escalations, long reworkInstances) {
  }

  /**
   * One flow node: how often it ran and in how many instances; its duration, and for user tasks the time waiting to be
   * claimed and the time worked; how often one of its timers fired (SLA breaches: reminders, escalations); its heat, the
   * share of the slowest node's p90 (0 to 1).
   */
  public record NodeFigure(String id, String name, String type, long executions, long instances, Long p50Ms,
      Long p90Ms, Long meanMs, long totalMs, Long waitP50Ms, Long waitP90Ms, Long workP50Ms, Long workP90Ms,
      long slaBreaches, double heat) {
  }

  /**
   * One sequence flow: times taken, instances that took it, instances that took it twice or more (a rework loop), and
   * the share of the finished instances that took it.
   */
  public record FlowFigure(String id, String name, String sourceId, String targetId, long taken, long instances,
      long repeatedInstances, Double frequency) {
  }

  /** One version in one month. */
  public record PeriodFigure(int version, String month, long started, long completed, long cancelled,
      Long cycleP50Ms, Long cycleP90Ms) {
  }
}
