package pmo.migration;

import java.util.List;

/**
 * An executed migration now: its row, its instances, and its batch as the engine reports it. {@code state} is
 * RUNNING (jobs left), FAILED (a job failed: {@code failures} holds the engine's messages; the batch stays until an
 * administrator retries or deletes its jobs in Cockpit) or COMPLETED. {@code migrated} counts the instances that run
 * on the target version now.
 */
record MigrationState(Migration migration, List<String> processInstanceIds, String state, Progress batch,
    long migrated, List<String> failures) {

  /** The batch's jobs: all of them, done and failed. Null once the batch is over and gone from the runtime. */
  record Progress(int totalJobs, int completedJobs, int remainingJobs, int failedJobs) {
  }
}
