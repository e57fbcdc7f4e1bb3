package pmo.improvement.analytics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import pmo.platform.RowLocks;

/**
 * The tables of process analytics (V140): the queue of started and ended instances, the instances seen, and the
 * monthly figures. Figures are added with an update and, for a row that does not exist yet, an insert (portable; one
 * indexer at a time holds the state row's lock, so nobody inserts the same row meanwhile).
 *
 * <p>Longer than 200 lines because the queue, the instances seen and the monthly figures are written in one
 * indexer transaction under one lock; one repository keeps their SQL together.
 */
@Repository
class AnalyticsStore {

  /** A queued start or end of a process instance. */
  record Queued(String processInstanceId, String event) {
  }

  /** An instance the indexer has seen: what it counts under, and when it ended (null while it runs). */
  record SeenInstance(String processInstanceId, String definitionId, String category, Long projectId,
      OffsetDateTime startedAt, OffsetDateTime endedAt) {
  }

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate named;
  private final RowLocks locks;

  AnalyticsStore(JdbcClient jdbc, NamedParameterJdbcTemplate named, RowLocks locks) {
    this.jdbc = jdbc;
    this.named = named;
    this.locks = locks;
  }

  // --- queue

  /** Queues a start or end in the caller's transaction; a second one of the same instance and event is ignored. */
  void enqueue(String processInstanceId, String event, OffsetDateTime now) {
    jdbc.sql("""
            insert into analytics_queue (process_instance_id, event, queued_at)
            select :pi, :event, :now from analytics_state
             where id = 1 and not exists (select 1 from analytics_queue where process_instance_id = :pi
                                                                         and event = :event)""")
        .param("pi", processInstanceId).param("event", event).param("now", now).update();
  }

  /** Takes the indexer's lock (waits while another node indexes); returns whether existing history was queued. */
  boolean lockState() {
    return jdbc.sql("select backfilled from analytics_state where id = 1 " + locks.forUpdate())
        .query(Boolean.class).single();
  }

  /** Queues every process instance of the history not queued yet: the history from before analytics existed. */
  int backfill(OffsetDateTime now) {
    int starts = jdbc.sql("""
            insert into analytics_queue (process_instance_id, event, queued_at)
            select p.ID_, 'START', :now from ACT_HI_PROCINST p
             where not exists (select 1 from analytics_queue q where q.process_instance_id = p.ID_ and q.event = 'START')
               and not exists (select 1 from analytics_instance i where i.process_instance_id = p.ID_)""")
        .param("now", now).update();
    int ends = jdbc.sql("""
            insert into analytics_queue (process_instance_id, event, queued_at)
            select p.ID_, 'END', :now from ACT_HI_PROCINST p
             where p.END_TIME_ is not null
               and not exists (select 1 from analytics_queue q where q.process_instance_id = p.ID_ and q.event = 'END')
               and not exists (select 1 from analytics_instance i where i.process_instance_id = p.ID_
                                                                    and i.ended_at is not null)""")
        .param("now", now).update();
    jdbc.sql("update analytics_state set backfilled = true where id = 1").update();
    return starts + ends;
  }

  List<Queued> nextBatch(int size) {
    return jdbc.sql("""
            select process_instance_id, event from analytics_queue
             order by queued_at, process_instance_id, event fetch first :size rows only""")
        .param("size", size).query(Queued.class).list();
  }

  void dequeue(Collection<Queued> done) {
    List<SqlParameterSource> rows = done.stream().<SqlParameterSource>map(q -> new MapSqlParameterSource()
        .addValue("pi", q.processInstanceId()).addValue("event", q.event())).toList();
    named.batchUpdate("delete from analytics_queue where process_instance_id = :pi and event = :event",
        rows.toArray(SqlParameterSource[]::new));
  }

  long queued() {
    return jdbc.sql("select count(*) from analytics_queue").query(Long.class).single();
  }

  // --- instances

  Map<String, SeenInstance> seen(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return jdbc.sql("select * from analytics_instance where process_instance_id in (:ids)").param("ids", ids)
        .query(SeenInstance.class).list().stream()
        .collect(java.util.stream.Collectors.toMap(SeenInstance::processInstanceId, Function.identity()));
  }

  void insertInstance(SeenInstance instance) {
    jdbc.sql("""
            insert into analytics_instance (process_instance_id, definition_id, category, project_id, started_at,
                                            ended_at)
            values (:pi, :definition, :category, :project, :started, :ended)""")
        .param("pi", instance.processInstanceId()).param("definition", instance.definitionId())
        .param("category", instance.category()).param("project", instance.projectId())
        .param("started", instance.startedAt()).param("ended", instance.endedAt()).update();
  }

  void markEnded(String processInstanceId, OffsetDateTime endedAt) {
    jdbc.sql("update analytics_instance set ended_at = :ended where process_instance_id = :pi")
        .param("ended", endedAt).param("pi", processInstanceId).update();
  }

  // --- figures

  void add(FiguresBatch batch) {
    upsert("analytics_period", List.of("definition_id", "period_start", "category"),
        List.of("started", "completed", "cancelled", "reminders", "escalations", "rework_instances"),
        batch.periods, k -> new Object[] {k.definitionId(), k.month(), k.category()});
    upsert("analytics_node", List.of("definition_id", "period_start", "category", "node_id"),
        List.of("executions", "instances", "timers_fired"),
        batch.nodes, k -> new Object[] {k.definitionId(), k.month(), k.category(), k.nodeId()});
    upsert("analytics_flow", List.of("definition_id", "period_start", "category", "flow_id"),
        List.of("taken", "instances", "repeated_instances"),
        batch.flows, k -> new Object[] {k.definitionId(), k.month(), k.category(), k.flowId()});
    addHistograms(batch.histograms);
  }

  private <K> void upsert(String table, List<String> keyColumns, List<String> counters, Map<K, long[]> rows,
      Function<K, Object[]> keyValues) {
    if (rows.isEmpty()) {
      return;
    }
    List<K> keys = new ArrayList<>(rows.keySet());
    SqlParameterSource[] params = keys.stream().map(k -> {
      MapSqlParameterSource p = new MapSqlParameterSource();
      Object[] values = keyValues.apply(k);
      for (int i = 0; i < keyColumns.size(); i++) {
        p.addValue("k" + i, values[i]);
      }
      long[] counts = rows.get(k);
      for (int i = 0; i < counters.size(); i++) {
        p.addValue("c" + i, counts[i]);
      }
      return p;
    }).toArray(SqlParameterSource[]::new);
    StringBuilder update = new StringBuilder("update " + table + " set ");
    for (int i = 0; i < counters.size(); i++) {
      update.append(i == 0 ? "" : ", ").append(counters.get(i)).append(" = ").append(counters.get(i))
          .append(" + :c").append(i);
    }
    update.append(" where ");
    for (int i = 0; i < keyColumns.size(); i++) {
      update.append(i == 0 ? "" : " and ").append(keyColumns.get(i)).append(" = :k").append(i);
    }
    String insert = "insert into " + table + " (" + String.join(", ", keyColumns) + ", " + String.join(", ", counters)
        + ") values (" + placeholders("k", keyColumns.size()) + ", " + placeholders("c", counters.size()) + ")";
    insertMissing(insert, params, named.batchUpdate(update.toString(), params));
  }

  private void addHistograms(Map<FiguresBatch.HistogramKey, Distribution.Bucket> rows) {
    if (rows.isEmpty()) {
      return;
    }
    SqlParameterSource[] params = rows.entrySet().stream().map(e -> new MapSqlParameterSource()
        .addValue("definition", e.getKey().definitionId()).addValue("month", e.getKey().month())
        .addValue("category", e.getKey().category()).addValue("metric", e.getKey().metric().name())
        .addValue("subject", e.getKey().subject()).addValue("bucket", e.getKey().bucket())
        .addValue("n", e.getValue().n()).addValue("sum", e.getValue().sumMs())
        .addValue("min", e.getValue().minMs()).addValue("max", e.getValue().maxMs()))
        .toArray(SqlParameterSource[]::new);
    int[] updated = named.batchUpdate("""
        update analytics_histogram
           set n = n + :n, sum_ms = sum_ms + :sum,
               min_ms = case when min_ms < :min then min_ms else :min end,
               max_ms = case when max_ms > :max then max_ms else :max end
         where definition_id = :definition and period_start = :month and category = :category and metric = :metric
           and subject = :subject and bucket = :bucket""", params);
    insertMissing("""
        insert into analytics_histogram (definition_id, period_start, category, metric, subject, bucket, n, sum_ms,
                                         min_ms, max_ms)
        values (:definition, :month, :category, :metric, :subject, :bucket, :n, :sum, :min, :max)""",
        params, updated);
  }

  private void insertMissing(String insert, SqlParameterSource[] params, int[] updated) {
    List<SqlParameterSource> missing = new ArrayList<>();
    for (int i = 0; i < params.length; i++) {
      if (updated[i] == 0) {
        missing.add(params[i]);
      }
    }
    if (!missing.isEmpty()) {
      named.batchUpdate(insert, missing.toArray(SqlParameterSource[]::new));
    }
  }

  private static String placeholders(String prefix, int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(i == 0 ? "" : ", ").append(':').append(prefix).append(i);
    }
    return text.toString();
  }

  // --- reading the figures

  /** Which figures a report reads: definitions, months from and to (first days), category (null: all). */
  record Scope(Collection<String> definitionIds, LocalDate from, LocalDate to, String category) {

    String where() {
      return " where definition_id in (:definitions) and period_start between :from and :to"
          + (category == null ? "" : " and category = :category");
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
      statement = statement.param("definitions", definitionIds).param("from", from).param("to", to);
      return category == null ? statement : statement.param("category", category);
    }
  }

  record PeriodRow(String definitionId, LocalDate periodStart, long started, long completed, long cancelled,
      long reminders, long escalations, long reworkInstances) {
  }

  record NodeRow(String nodeId, long executions, long instances, long timersFired) {
  }

  record FlowRow(String flowId, long taken, long instances, long repeatedInstances) {
  }

  record HistogramRow(String definitionId, LocalDate periodStart, String metric, String subject, int bucket, long n,
      long sumMs, long minMs, long maxMs) {

    Distribution.Bucket bucketRow() {
      return new Distribution.Bucket(bucket, n, sumMs, minMs, maxMs);
    }
  }

  List<PeriodRow> periods(Scope scope) {
    return scope.bind(jdbc.sql("""
            select definition_id, period_start, sum(started) as started, sum(completed) as completed,
                   sum(cancelled) as cancelled, sum(reminders) as reminders, sum(escalations) as escalations,
                   sum(rework_instances) as rework_instances
              from analytics_period""" + scope.where() + " group by definition_id, period_start"))
        .query(PeriodRow.class).list();
  }

  List<NodeRow> nodes(Scope scope) {
    return scope.bind(jdbc.sql("""
            select node_id, sum(executions) as executions, sum(instances) as instances,
                   sum(timers_fired) as timers_fired
              from analytics_node""" + scope.where() + " group by node_id"))
        .query(NodeRow.class).list();
  }

  List<FlowRow> flows(Scope scope) {
    return scope.bind(jdbc.sql("""
            select flow_id, sum(taken) as taken, sum(instances) as instances,
                   sum(repeated_instances) as repeated_instances
              from analytics_flow""" + scope.where() + " group by flow_id"))
        .query(FlowRow.class).list();
  }

  /** The node histograms (duration, wait, work) of the scope, summed over months, versions and categories. */
  List<HistogramRow> nodeHistograms(Scope scope) {
    return scope.bind(jdbc.sql("""
            select '' as definition_id, cast(null as date) as period_start, metric, subject, bucket, sum(n) as n,
                   sum(sum_ms) as sum_ms, min(min_ms) as min_ms, max(max_ms) as max_ms
              from analytics_histogram""" + scope.where() + " and metric <> 'CYCLE' group by metric, subject, bucket"))
        .query(HistogramRow.class).list();
  }

  /** The cycle time histograms of the scope per definition and month. */
  List<HistogramRow> cycleHistograms(Scope scope) {
    return scope.bind(jdbc.sql("""
            select definition_id, period_start, metric, subject, bucket, sum(n) as n, sum(sum_ms) as sum_ms,
                   min(min_ms) as min_ms, max(max_ms) as max_ms
              from analytics_histogram""" + scope.where()
            + " and metric = 'CYCLE' group by definition_id, period_start, metric, subject, bucket"))
        .query(HistogramRow.class).list();
  }

  /** Whether any figures exist for these definitions at all (whatever the period). */
  Optional<LocalDate> latestMonth(Collection<String> definitionIds) {
    return Optional.ofNullable(jdbc.sql("""
            select max(period_start) from analytics_period where definition_id in (:definitions)""")
        .param("definitions", definitionIds).query(LocalDate.class).single());
  }
}
