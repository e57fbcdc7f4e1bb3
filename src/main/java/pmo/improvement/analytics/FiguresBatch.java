package pmo.improvement.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one batch of instances adds to the monthly figures, summed in memory before it is written, so a batch of 200
 * instances writes each figure row once.
 */
final class FiguresBatch {

  enum Metric {
    CYCLE, DURATION, WAIT, WORK
  }

  record PeriodKey(String definitionId, LocalDate month, String category) {
  }

  record NodeKey(String definitionId, LocalDate month, String category, String nodeId) {
  }

  record FlowKey(String definitionId, LocalDate month, String category, String flowId) {
  }

  record HistogramKey(String definitionId, LocalDate month, String category, Metric metric, String subject,
      int bucket) {
  }

  /** started, completed, cancelled, reminders, escalations, reworkInstances. */
  final Map<PeriodKey, long[]> periods = new LinkedHashMap<>();
  /** executions, instances, timersFired. */
  final Map<NodeKey, long[]> nodes = new LinkedHashMap<>();
  /** taken, instances, repeatedInstances. */
  final Map<FlowKey, long[]> flows = new LinkedHashMap<>();
  final Map<HistogramKey, Distribution.Bucket> histograms = new LinkedHashMap<>();

  static LocalDate monthOf(Instant time) {
    return time.atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
  }

  void started(String definitionId, String category, Instant at) {
    period(definitionId, monthOf(at), category)[0]++;
  }

  /** A finished instance: ended at {@code end}, completed or cancelled, with its figures and cycle time. */
  void finished(String definitionId, String category, Instant end, boolean completed, long cycleMs,
      InstanceFigures figures) {
    LocalDate month = monthOf(end);
    long[] period = period(definitionId, month, category);
    period[completed ? 1 : 2]++;
    period[3] += figures.reminders();
    period[4] += figures.escalations();
    period[5] += figures.rework() ? 1 : 0;
    if (completed) {
      add(new HistogramKey(definitionId, month, category, Metric.CYCLE, "", Distribution.bucketOf(cycleMs)),
          cycleMs);
    }
    figures.nodes().forEach((nodeId, node) -> {
      long[] row = nodes.computeIfAbsent(new NodeKey(definitionId, month, category, nodeId), k -> new long[3]);
      row[0] += node.executions();
      row[1] += node.executions() > 0 ? 1 : 0;
      row[2] += node.timersFired();
      addAll(definitionId, month, category, Metric.DURATION, nodeId, node.durations());
      addAll(definitionId, month, category, Metric.WAIT, nodeId, node.waits());
      addAll(definitionId, month, category, Metric.WORK, nodeId, node.works());
    });
    figures.flowsTaken().forEach((flowId, times) -> {
      long[] row = flows.computeIfAbsent(new FlowKey(definitionId, month, category, flowId), k -> new long[3]);
      row[0] += times;
      row[1]++;
      row[2] += times > 1 ? 1 : 0;
    });
  }

  boolean isEmpty() {
    return periods.isEmpty() && nodes.isEmpty() && flows.isEmpty() && histograms.isEmpty();
  }

  private long[] period(String definitionId, LocalDate month, String category) {
    return periods.computeIfAbsent(new PeriodKey(definitionId, month, category), k -> new long[6]);
  }

  private void addAll(String definitionId, LocalDate month, String category, Metric metric, String subject,
      List<Long> values) {
    for (long value : values) {
      add(new HistogramKey(definitionId, month, category, metric, subject, Distribution.bucketOf(value)), value);
    }
  }

  private void add(HistogramKey key, long value) {
    histograms.merge(key, new Distribution.Bucket(key.bucket(), 1, value, value, value),
        Distribution.Bucket::plus);
  }
}
