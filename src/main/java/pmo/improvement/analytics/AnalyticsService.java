package pmo.improvement.analytics;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.improvement.analytics.AnalyticsReport.FlowFigure;
import pmo.improvement.analytics.AnalyticsReport.NodeFigure;
import pmo.improvement.analytics.AnalyticsReport.PeriodFigure;
import pmo.improvement.analytics.AnalyticsReport.Totals;
import pmo.improvement.analytics.AnalyticsReport.VersionInfo;
import pmo.platform.InputErrors;
import pmo.platform.engine.SystemActions;
import pmo.project.ProjectSettings;

/**
 * Process analytics for process owners and the PMO: the figures of one process (one version or all), a period of
 * months and a project category, read from the pre-aggregated figures ({@link AnalyticsIndexer}), with the diagram of
 * the version shown. Who may read them is decided at the REST door (PMO, process owners, auditors).
 *
 * <p>Longer than 200 lines because checking a query (process, version, period, category) and answering it share
 * the resolved definitions; the arithmetic lives in NodeFigures and Distribution.
 */
@Service
public class AnalyticsService {

  /** At most this many months in one report. */
  static final int MAX_MONTHS = 120;

  private final AnalyticsStore store;
  private final ProcessGraphs graphs;
  private final RepositoryService repository;
  private final SystemActions system;
  private final ProjectSettings projects;
  private final Clock clock;

  AnalyticsService(AnalyticsStore store, ProcessGraphs graphs, RepositoryService repository, SystemActions system,
      ProjectSettings projects, Clock clock) {
    this.store = store;
    this.graphs = graphs;
    this.repository = repository;
    this.system = system;
    this.projects = projects;
    this.clock = clock;
  }

  /** A deployed process and its versions, oldest first. */
  public record ProcessInfo(String key, String name, List<VersionInfo> versions) {
  }

  /** Every deployed process with its versions, by key. */
  public List<ProcessInfo> processes() {
    Map<String, List<ProcessDefinition>> byKey = system.call(() -> repository.createProcessDefinitionQuery()
            .orderByProcessDefinitionKey().asc().orderByProcessDefinitionVersion().asc().listPage(0, 2000)).stream()
        .collect(Collectors.groupingBy(ProcessDefinition::getKey, LinkedHashMap::new, Collectors.toList()));
    return byKey.values().stream().map(all -> new ProcessInfo(all.get(0).getKey(),
        nameOf(all), all.stream().map(AnalyticsService::info).toList())).toList();
  }

  /** The project categories. */
  public List<String> categories() {
    return projects.categories();
  }

  /** The report the query asks for; bad input is refused naming the field, before anything is read. */
  @Transactional(readOnly = true)
  public AnalyticsReport report(AnalyticsQuery query) {
    Resolved r = resolve(query);
    AnalyticsStore.Scope scope = new AnalyticsStore.Scope(r.definitionIds(), r.from().atDay(1), r.to().atDay(1),
        r.category());
    ProcessGraph graph = graphs.of(r.shown().getId());
    Map<String, Integer> versionOf = new HashMap<>();
    r.all().forEach(d -> versionOf.put(d.getId(), d.getVersion()));

    List<AnalyticsStore.PeriodRow> periods = store.periods(scope);
    Map<String, List<Distribution.Bucket>> cycleByPeriod = new HashMap<>();
    List<Distribution.Bucket> cycle = new ArrayList<>();
    for (AnalyticsStore.HistogramRow row : store.cycleHistograms(scope)) {
      cycle.add(row.bucketRow());
      cycleByPeriod.computeIfAbsent(row.definitionId() + "|" + row.periodStart(), k -> new ArrayList<>())
          .add(row.bucketRow());
    }
    Distribution cycleTime = Distribution.of(cycle);
    Totals totals = new Totals(sum(periods, AnalyticsStore.PeriodRow::started),
        sum(periods, AnalyticsStore.PeriodRow::completed), sum(periods, AnalyticsStore.PeriodRow::cancelled),
        cycleTime.percentile(0.5), cycleTime.percentile(0.9), cycleTime.mean(),
        sum(periods, AnalyticsStore.PeriodRow::reminders), sum(periods, AnalyticsStore.PeriodRow::escalations),
        sum(periods, AnalyticsStore.PeriodRow::reworkInstances));
    List<PeriodFigure> byPeriod = periods.stream()
        .sorted(Comparator.comparing(AnalyticsStore.PeriodRow::periodStart)
            .thenComparing(p -> versionOf.getOrDefault(p.definitionId(), 0)))
        .map(p -> {
          Distribution d = Distribution.of(cycleByPeriod.getOrDefault(p.definitionId() + "|" + p.periodStart(),
              List.of()));
          return new PeriodFigure(versionOf.getOrDefault(p.definitionId(), 0),
              YearMonth.from(p.periodStart()).toString(), p.started(), p.completed(), p.cancelled(),
              d.percentile(0.5), d.percentile(0.9));
        }).toList();

    List<NodeFigure> nodes = NodeFigures.of(graph, store.nodes(scope), store.nodeHistograms(scope));
    long finished = totals.completed() + totals.cancelled();
    Map<String, AnalyticsStore.FlowRow> flowRows = store.flows(scope).stream()
        .collect(Collectors.toMap(AnalyticsStore.FlowRow::flowId, f -> f));
    List<FlowFigure> flows = new ArrayList<>();
    for (ProcessGraph.Flow flow : graph.flows()) {
      AnalyticsStore.FlowRow row = flowRows.remove(flow.id());
      flows.add(flowFigure(flow.id(), flow.name(), flow.sourceId(), flow.targetId(), row, finished));
    }
    flowRows.values().stream().sorted(Comparator.comparing(AnalyticsStore.FlowRow::flowId))
        .forEach(row -> flows.add(flowFigure(row.flowId(), null, null, null, row, finished)));
    String slowest = nodes.stream().filter(n -> n.p90Ms() != null && isStep(n.type()))
        .max(Comparator.comparingLong(NodeFigure::p90Ms).thenComparingLong(NodeFigure::totalMs))
        .map(NodeFigure::id).orElse(null);

    return new AnalyticsReport(r.key(), nameOf(r.all()), query.version(), r.all().stream().map(AnalyticsService::info)
        .toList(), r.shown().getId(), r.from().toString(), r.to().toString(), r.category(), totals, nodes, flows,
        slowest, byPeriod, store.queued());
  }

  /** The BPMN XML of the version a report shows. */
  public String diagram(AnalyticsQuery query) {
    Resolved r = resolve(new AnalyticsQuery(query.process(), query.version(), null, null, null));
    return system.call(() -> new String(repository.getProcessModel(r.shown().getId()).readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8));
  }

  private static FlowFigure flowFigure(String id, String name, String source, String target,
      AnalyticsStore.FlowRow row, long finished) {
    long taken = row == null ? 0 : row.taken();
    long instances = row == null ? 0 : row.instances();
    return new FlowFigure(id, name, source, target, taken, instances, row == null ? 0 : row.repeatedInstances(),
        finished == 0 ? null : Math.round(1000.0 * instances / finished) / 1000.0);
  }

  /** Activities where time is spent (not events or gateways): the candidates for the slowest step. */
  private static boolean isStep(String type) {
    return type != null && (type.endsWith("Task") || "callActivity".equals(type) || "subProcess".equals(type));
  }

  private record Resolved(String key, List<ProcessDefinition> all, List<String> definitionIds,
      ProcessDefinition shown, YearMonth from, YearMonth to, String category) {
  }

  private Resolved resolve(AnalyticsQuery query) {
    InputErrors errors = new InputErrors();
    String key = query.process() == null ? null : query.process().trim();
    List<ProcessDefinition> all = key == null || key.isEmpty() ? List.of()
        : system.call(() -> repository.createProcessDefinitionQuery().processDefinitionKey(key)
            .orderByProcessDefinitionVersion().asc().listPage(0, 2000));
    if (key == null || key.isEmpty()) {
      errors.add("process", "is required: the key of a deployed process");
    } else if (all.isEmpty()) {
      errors.add("process", "no process '" + key + "' is deployed");
    }
    ProcessDefinition chosen = null;
    if (query.version() != null && !all.isEmpty()) {
      chosen = all.stream().filter(d -> d.getVersion() == query.version()).findFirst().orElse(null);
      if (chosen == null) {
        errors.add("version", "process '" + key + "' has no version " + query.version() + " (versions 1 to "
            + all.get(all.size() - 1).getVersion() + ")");
      }
    }
    YearMonth to = month(errors, "to", query.to(), YearMonth.now(clock));
    YearMonth from = month(errors, "from", query.from(), to == null ? null : to.minusMonths(11));
    if (from != null && to != null) {
      errors.require(!to.isBefore(from), "to", "the period ends (" + to + ") before it starts (" + from + ")");
      errors.require(to.isBefore(from) || from.plusMonths(MAX_MONTHS).isAfter(to), "from",
          "a report covers at most " + MAX_MONTHS + " months");
    }
    String category = query.category() == null || query.category().isBlank() ? null : query.category().trim();
    errors.require(category == null || projects.categories().contains(category), "category",
        "must be one of " + projects.categories());
    errors.throwIfAny();
    ProcessDefinition shown = chosen != null ? chosen : all.get(all.size() - 1);
    List<String> ids = chosen != null ? List.of(chosen.getId()) : all.stream().map(ProcessDefinition::getId).toList();
    return new Resolved(key, all, ids, shown, from, to, category);
  }

  private static YearMonth month(InputErrors errors, String field, String text, YearMonth fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return YearMonth.parse(text.trim());
    } catch (DateTimeParseException e) {
      errors.add(field, "must be a month as YYYY-MM, not '" + text + "'");
      return null;
    }
  }

  private static long sum(List<AnalyticsStore.PeriodRow> rows,
      java.util.function.ToLongFunction<AnalyticsStore.PeriodRow> field) {
    return rows.stream().mapToLong(field).sum();
  }

  private static VersionInfo info(ProcessDefinition d) {
    return new VersionInfo(d.getVersion(), d.getVersionTag(), d.getId());
  }

  private static String nameOf(List<ProcessDefinition> all) {
    ProcessDefinition latest = all.get(all.size() - 1);
    return latest.getName() == null ? latest.getKey() : latest.getName();
  }
}
