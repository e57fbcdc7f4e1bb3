package pmo.platform.engine;

import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The job executor in {@code /actuator/health} (component {@code jobExecutor}; it replaces the Camunda starter's, which
 * looks only at the active flag): DOWN when the job executor is not active or its acquisition thread has died, since
 * then timers, asynchronous steps and notices stop. A node where job execution is switched off is UP. The details say
 * the state and how often the watchdog restarted it, nothing about the host or the database.
 */
@Component("jobExecutorHealthIndicator")
class JobExecutorHealth implements HealthIndicator {

  private final ObjectProvider<JobExecutor> jobExecutor;
  private final JobExecutorWatchdog watchdog;

  JobExecutorHealth(ObjectProvider<JobExecutor> jobExecutor, JobExecutorWatchdog watchdog) {
    this.jobExecutor = jobExecutor;
    this.watchdog = watchdog;
  }

  @Override
  public Health health() {
    JobExecutor executor = jobExecutor.getIfAvailable();
    if (executor == null) {
      return Health.up().withDetail("state", "disabled").build();
    }
    JobAcquisition.State state = JobAcquisition.of(executor);
    Health.Builder health = state == JobAcquisition.State.RUNNING ? Health.up() : Health.down();
    return health.withDetail("state", state.name())
        .withDetail("restartsByWatchdog", watchdog.restarts())
        .build();
  }
}
