package pmo.improvement.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import pmo.IntegrationTest;

/**
 * Benchmark, not a timed test (run on demand: {@code -Dpmo.benchmark=true}): the report of a copy of the change
 * request process ({@code change-request-bench}, so the figures of the real one stay as the tests made them) over the
 * figures of 100,000 finished instances in 12 months and 2 categories, each step run with durations spread from a
 * minute to days and user tasks with waiting and working time, every tenth instance with a rework loop. The figures
 * are written as the indexer writes them ({@link FiguresBatch}, {@link AnalyticsStore#add}), not read from engine
 * history: what is measured is the report over pre-aggregated figures of that size. The times land in
 * target/analytics-benchmark.txt.
 */
@EnabledIfSystemProperty(named = "pmo.benchmark", matches = "true")
class AnalyticsBenchmarkTest extends IntegrationTest {

  static final String KEY = "change-request-bench";
  static final int INSTANCES = 100_000;
  static final List<String> CATEGORIES = List.of("IT", "INFRASTRUCTURE");
  /** Per month and category: 24 slices of 4,167 make 100,008 instances. */
  static final int PER_SLICE = (INSTANCES + 23) / 24;

  @Autowired
  AnalyticsStore store;
  @Autowired
  AnalyticsService analytics;
  @Autowired
  ProcessGraphs graphs;
  @Autowired
  TransactionTemplate transactions;

  @Test
  void reportOnTheFiguresOf100000FinishedInstances() throws Exception {
    String definitionId = deployCopy();
    ProcessGraph graph = graphs.of(definitionId);
    YearMonth last = YearMonth.now(ZoneOffset.UTC);
    YearMonth first = last.minusMonths(11);
    long written = jdbc.sql("select coalesce(sum(completed), 0) from analytics_period where definition_id = :d")
        .param("d", definitionId).query(Long.class).single();
    long writeMs = 0;
    if (written < INSTANCES) {
      long start = System.nanoTime();
      Random random = new Random(42);
      int perSlice = PER_SLICE;
      for (int m = 0; m < 12; m++) {
        LocalDate month = first.plusMonths(m).atDay(1);
        for (String category : CATEGORIES) {
          FiguresBatch batch = new FiguresBatch();
          for (int i = 0; i < perSlice; i++) {
            var at = month.plusDays(random.nextInt(28)).atStartOfDay().toInstant(ZoneOffset.UTC);
            batch.started(definitionId, category, at);
            batch.finished(definitionId, category, at, true, minutes(random, 60, 20_000), instance(graph, random,
                i % 10 == 0));
          }
          transactions.executeWithoutResult(s -> store.add(batch));
        }
      }
      writeMs = (System.nanoTime() - start) / 1_000_000;
    }
    long histogramRows = jdbc.sql("select count(*) from analytics_histogram where definition_id = :d")
        .param("d", definitionId).query(Long.class).single();

    List<String> lines = new ArrayList<>();
    lines.add("instances " + 24 * PER_SLICE + ", histogram rows " + histogramRows + ", writing the figures " + writeMs
        + " ms (0: written by an earlier run)");
    for (String category : java.util.Arrays.asList(null, "IT")) {
      List<Long> times = new ArrayList<>();
      AnalyticsReport report = null;
      for (int run = 0; run < 6; run++) {
        long start = System.nanoTime();
        report = analytics.report(new AnalyticsQuery(KEY, null, first.toString(), last.toString(), category));
        times.add((System.nanoTime() - start) / 1_000_000);
      }
      assertThat(report.totals().completed()).isEqualTo(category == null ? 24L * PER_SLICE : 12L * PER_SLICE);
      lines.add("report, 12 months, category " + category + ": " + times + " ms (first run cold)");
    }
    lines.forEach(System.out::println);
    Files.write(Path.of("target", "analytics-benchmark.txt"), lines, StandardCharsets.UTF_8);
  }

  private String deployCopy() throws Exception {
    var repository = engine.getRepositoryService();
    var deployed = repository.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult();
    if (deployed != null) {
      return deployed.getId();
    }
    String xml = Files.readString(Path.of("processes", "change-request.bpmn"))
        .replace("id=\"change-request\"", "id=\"" + KEY + "\"")
        .replace("bpmnElement=\"change-request\"", "bpmnElement=\"" + KEY + "\"");
    repository.createDeployment().name("analytics benchmark").addString(KEY + ".bpmn", xml).deploy();
    return repository.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult().getId();
  }

  /** One finished instance: every step once (user tasks waiting and worked), every flow once, a loop twice. */
  private static InstanceFigures instance(ProcessGraph graph, Random random, boolean rework) {
    Map<String, InstanceFigures.NodeFigures> nodes = new HashMap<>();
    for (ProcessGraph.Node node : graph.nodes()) {
      if (node.attachedTo() != null) {
        continue;
      }
      boolean userTask = "userTask".equals(node.type());
      long wait = userTask ? minutes(random, 5, 3_000) : 0;
      long work = userTask ? minutes(random, 5, 600) : 0;
      long duration = userTask ? wait + work : random.nextInt(2_000);
      nodes.put(node.id(), new InstanceFigures.NodeFigures(1, List.of(duration),
          userTask ? List.of(wait) : List.of(), userTask ? List.of(work) : List.of(), 0));
    }
    Map<String, Integer> flows = new HashMap<>();
    int i = 0;
    for (ProcessGraph.Flow flow : graph.flows()) {
      flows.put(flow.id(), rework && i++ == 0 ? 2 : 1);
    }
    return new InstanceFigures(nodes, flows, random.nextInt(10) == 0 ? 1 : 0, 0);
  }

  /** A duration in milliseconds, log-uniform between the two bounds in minutes. */
  private static long minutes(Random random, int from, int to) {
    double log = Math.log(from) + random.nextDouble() * (Math.log(to) - Math.log(from));
    return (long) (Math.exp(log) * 60_000);
  }
}
