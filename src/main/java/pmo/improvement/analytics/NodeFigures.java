package pmo.improvement.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import pmo.improvement.analytics.AnalyticsReport.NodeFigure;

/**
 * The figures of each flow node: every node of the diagram shown (those that never ran with zeros), then nodes that ran
 * only in other versions. The heat of a node is its p90 duration as a share of the largest p90 of the report.
 */
final class NodeFigures {

  private NodeFigures() {
  }

  static List<NodeFigure> of(ProcessGraph graph, List<AnalyticsStore.NodeRow> rows,
      List<AnalyticsStore.HistogramRow> histograms) {
    Map<String, AnalyticsStore.NodeRow> counts = new HashMap<>();
    rows.forEach(r -> counts.put(r.nodeId(), r));
    Map<String, List<Distribution.Bucket>> buckets = new HashMap<>();
    histograms.forEach(h -> buckets.computeIfAbsent(h.metric() + "|" + h.subject(), k -> new ArrayList<>())
        .add(h.bucketRow()));

    List<String> ids = new ArrayList<>();
    graph.nodes().forEach(n -> ids.add(n.id()));
    rows.stream().map(AnalyticsStore.NodeRow::nodeId).filter(id -> !ids.contains(id)).sorted().forEach(ids::add);

    List<Partial> partials = new ArrayList<>();
    long hottest = 0;
    for (String id : ids) {
      Distribution duration = Distribution.of(buckets.getOrDefault("DURATION|" + id, List.of()));
      Distribution wait = Distribution.of(buckets.getOrDefault("WAIT|" + id, List.of()));
      Distribution work = Distribution.of(buckets.getOrDefault("WORK|" + id, List.of()));
      Long p90 = duration.percentile(0.9);
      hottest = Math.max(hottest, p90 == null ? 0 : p90);
      partials.add(new Partial(id, graph.node(id), counts.get(id), duration, wait, work));
    }
    List<NodeFigure> figures = new ArrayList<>();
    for (Partial p : partials) {
      Long p90 = p.duration().percentile(0.9);
      double heat = hottest == 0 || p90 == null ? 0 : Math.round(1000.0 * p90 / hottest) / 1000.0;
      AnalyticsStore.NodeRow row = p.row();
      figures.add(new NodeFigure(p.id(), p.node() == null ? null : p.node().name(),
          p.node() == null ? null : p.node().type(), row == null ? 0 : row.executions(),
          row == null ? 0 : row.instances(), p.duration().percentile(0.5), p90, p.duration().mean(),
          p.duration().sum(), p.waiting().percentile(0.5), p.waiting().percentile(0.9), p.work().percentile(0.5),
          p.work().percentile(0.9), row == null ? 0 : row.timersFired(), heat));
    }
    return figures;
  }

  private record Partial(String id, ProcessGraph.Node node, AnalyticsStore.NodeRow row, Distribution duration,
      Distribution waiting, Distribution work) {
  }
}
