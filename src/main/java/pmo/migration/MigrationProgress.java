package pmo.migration;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;
import pmo.platform.engine.SystemActions;

/**
 * Reads a migration's batch from the engine. Batches and their jobs are the engine's administration: process owners
 * have no authorization on them, so the batch is read as the system (the API lets only process owners and
 * administrators ask); which instances run on the target now is counted as the user.
 */
@Component
class MigrationProgress {

  private static final int FAILURES_SHOWN = 20;

  private final ManagementService management;
  private final HistoryService history;
  private final RuntimeService runtime;
  private final SystemActions system;

  MigrationProgress(ManagementService management, HistoryService history, RuntimeService runtime,
      SystemActions system) {
    this.management = management;
    this.history = history;
    this.runtime = runtime;
    this.system = system;
  }

  MigrationState of(Migration migration, List<String> instances) {
    long migrated = instances.isEmpty() ? 0 : runtime.createProcessInstanceQuery()
        .processInstanceIds(Set.copyOf(instances)).processDefinitionId(migration.targetDefinitionId()).count();
    return system.call(() -> {
      BatchStatistics statistics = management.createBatchStatisticsQuery().batchId(migration.batchId())
          .singleResult();
      if (statistics != null) {
        var progress = new MigrationState.Progress(statistics.getTotalJobs(), statistics.getCompletedJobs(),
            statistics.getRemainingJobs(), statistics.getFailedJobs());
        List<String> failures = failures(statistics);
        return new MigrationState(migration, instances, statistics.getFailedJobs() > 0 ? "FAILED" : "RUNNING", progress, migrated,
            failures);
      }
      HistoricBatch ended = history.createHistoricBatchQuery().batchId(migration.batchId()).singleResult();
      String state = ended == null || ended.getEndTime() != null ? "COMPLETED" : "RUNNING";
      return new MigrationState(migration, instances, state, null, migrated, List.of());
    });
  }

  private List<String> failures(Batch batch) {
    return management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).withException()
        .listPage(0, FAILURES_SHOWN).stream()
        .map(Job::getExceptionMessage)
        .toList();
  }
}
