package pmo.platform.engine;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Restarts the job executor when its acquisition thread has died while it still counts as active (see
 * {@link JobAcquisition}): without this, no timer, asynchronous step or notice runs again until the application is
 * restarted. The thread must be found dead on two checks in a row (one {@code pmo.job-executor.watchdog-interval}
 * apart, default 30 s), so a restart never races a shutdown or start under way, and health shows DOWN meanwhile. A job
 * executor that was shut down on purpose is left alone. Runs on its own thread, so a busy scheduler cannot stop it.
 */
@Component
class JobExecutorWatchdog implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(JobExecutorWatchdog.class);

  private final ObjectProvider<JobExecutor> jobExecutor;
  private final Duration interval;
  private final AtomicInteger restarts = new AtomicInteger();
  private ScheduledExecutorService timer;
  private boolean deadBefore;

  JobExecutorWatchdog(ObjectProvider<JobExecutor> jobExecutor,
      @Value("${pmo.job-executor.watchdog-interval:PT30S}") Duration interval) {
    this.jobExecutor = jobExecutor;
    this.interval = interval;
  }

  /** One check; called every interval. */
  synchronized void check() {
    JobExecutor executor = jobExecutor.getIfAvailable();
    if (executor == null || JobAcquisition.of(executor) != JobAcquisition.State.DEAD) {
      deadBefore = false;
      return;
    }
    if (!deadBefore) {
      deadBefore = true;
      log.warn("The job acquisition thread has died; the job executor is restarted if it is still dead in {}",
          interval);
      return;
    }
    deadBefore = false;
    log.error("The job acquisition thread has died (no job would run again): restarting the job executor");
    try {
      executor.shutdown();
      executor.start();
      log.info("Job executor restarted ({} restarts since start-up)", restarts.incrementAndGet());
    } catch (RuntimeException e) {
      log.error("Restarting the job executor failed; trying again in {}", interval, e);
    }
  }

  int restarts() {
    return restarts.get();
  }

  @Override
  public synchronized void start() {
    timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "job-executor-watchdog");
      thread.setDaemon(true);
      return thread;
    });
    long millis = interval.toMillis();
    timer.scheduleWithFixedDelay(() -> {
      try {
        check();
      } catch (Throwable e) {
        log.error("Job executor watchdog check failed", e);
      }
    }, millis, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return timer != null;
  }
}
