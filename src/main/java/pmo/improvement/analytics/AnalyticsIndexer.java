package pmo.improvement.analytics;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import pmo.platform.BackgroundLoop;

/**
 * Adds the queued process instances to the figures: a start counts the instance as started (and fixes the project
 * category it counts under); an end reads its history ({@link EngineHistory}), analyses it ({@link InstanceAnalysis})
 * and adds it to the monthly figures. One batch per transaction, under the lock of the state row, so one indexer works
 * at a time in a cluster and a failed batch is rolled back whole and done again by the next run. At its first run it
 * queues the history that existed before analytics was installed.
 *
 * <p>Runs on its own daemon thread every {@code pmo.improvement.analytics.index-interval}, as the audit sealer does
 * (the application has no scheduler). {@link #indexAll()} indexes on demand, in the caller's thread.
 */
@Component
public class AnalyticsIndexer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(AnalyticsIndexer.class);
  private static final List<String> VARIABLES = List.of("projectId", "category");

  private final AnalyticsStore store;
  private final EngineHistory history;
  private final ProcessGraphs graphs;
  private final CategoryResolver categories;
  private final AnalyticsSettings settings;
  private final TransactionTemplate batchTransaction;
  private final Clock clock;
  private final ReentrantLock running = new ReentrantLock();
  private final BackgroundLoop background;
  private volatile int consecutiveFailures;

  AnalyticsIndexer(AnalyticsStore store, EngineHistory history, ProcessGraphs graphs, CategoryResolver categories,
      AnalyticsSettings settings, PlatformTransactionManager transactions, Clock clock) {
    this.store = store;
    this.history = history;
    this.graphs = graphs;
    this.categories = categories;
    this.settings = settings;
    this.batchTransaction = new TransactionTemplate(transactions);
    this.batchTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.batchTransaction.setName("analytics-indexing");
    this.clock = clock;
    this.background = new BackgroundLoop("analytics-indexer", settings.indexInterval(), this::indexInBackground,
        false);
  }

  /** Indexes everything queued now, batch by batch; returns how many starts and ends it indexed. */
  public long indexAll() {
    running.lock();
    try {
      long total = 0;
      while (true) {
        Integer done = batchTransaction.execute(status -> indexBatch());
        total += done == null ? 0 : done;
        if (done == null || done < settings.batchSize()) {
          return total;
        }
      }
    } finally {
      running.unlock();
    }
  }

  /** How many starts and ends wait to be indexed. */
  public long pending() {
    return store.queued();
  }

  private int indexBatch() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (!store.lockState()) {
      int queued = store.backfill(now);
      log.info("analytics: queued {} starts and ends of the existing history", queued);
    }
    List<AnalyticsStore.Queued> batch = store.nextBatch(settings.batchSize());
    if (batch.isEmpty()) {
      return 0;
    }
    Set<String> ids = new LinkedHashSet<>();
    batch.forEach(q -> ids.add(q.processInstanceId()));
    Map<String, EngineHistory.ProcessRun> runs = history.processes(ids);
    Map<String, AnalyticsStore.SeenInstance> seen = new HashMap<>(store.seen(ids));
    FiguresBatch figures = new FiguresBatch();

    // starts first: every instance of the batch that is not seen yet is counted as started
    List<String> unseen = ids.stream().filter(id -> !seen.containsKey(id) && runs.containsKey(id)).toList();
    Map<String, Map<String, Object>> variables = history.variables(unseen, VARIABLES);
    CategoryResolver.Batch resolver = categories.batch();
    for (String id : unseen) {
      EngineHistory.ProcessRun run = runs.get(id);
      CategoryResolver.Counted counted = resolver.resolve(variables.getOrDefault(id, Map.of()), run.businessKey());
      AnalyticsStore.SeenInstance instance = new AnalyticsStore.SeenInstance(id, run.definitionId(),
          counted.category(), counted.projectId(), utc(run.start()), null);
      store.insertInstance(instance);
      seen.put(id, instance);
      figures.started(run.definitionId(), counted.category(), run.start());
    }

    // then ends: the instances that have ended and were not indexed as ended yet
    List<String> ended = ids.stream().filter(id -> runs.containsKey(id) && runs.get(id).end() != null
        && seen.get(id).endedAt() == null).toList();
    Map<String, List<ActivityRun>> activities = history.activities(ended);
    List<String> taskIds = new ArrayList<>();
    activities.values().forEach(list -> list.stream().filter(a -> a.taskId() != null)
        .forEach(a -> taskIds.add(a.taskId())));
    Map<String, Instant> assigned = history.firstAssigned(taskIds);
    for (String id : ended) {
      EngineHistory.ProcessRun run = runs.get(id);
      AnalyticsStore.SeenInstance instance = seen.get(id);
      InstanceFigures analysed = InstanceAnalysis.analyse(graphs.of(run.definitionId()),
          activities.getOrDefault(id, List.of()), assigned);
      long cycle = Math.max(0, run.end().toEpochMilli() - run.start().toEpochMilli());
      figures.finished(run.definitionId(), instance.category(), run.end(), run.completed(), cycle, analysed);
      store.markEnded(id, utc(run.end()));
    }
    store.add(figures);
    store.dequeue(batch);
    return batch.size();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private void indexInBackground() {
    try {
      indexAll();
      consecutiveFailures = 0;
    } catch (RuntimeException e) {
      int failures = ++consecutiveFailures;
      if (failures == 1) {
        log.warn("analytics indexing failed; retrying every {}", settings.indexInterval(), e);
      } else if (failures % 100 == 0) {
        log.warn("analytics indexing failed {} times in a row; still retrying: {}", failures, e.toString());
      }
    }
  }

  @Override
  public void start() {
    background.start();
  }

  @Override
  public void stop() {
    background.stop();
  }

  @Override
  public boolean isRunning() {
    return background.running();
  }

  @Override
  public int getPhase() {
    // stopped after the web server, before the datasource, like the audit sealer
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }
}
