package pmo.platform;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work repeated on one daemon thread of its own at a fixed delay (the audit sealer, the analytics indexer): the
 * application has no scheduler, and a thread of its own keeps such work out of the job executor's pool. Started and
 * stopped by its owner's lifecycle; at stop it may run the work once more (for what committed meanwhile) and waits at
 * most 10 s for the thread to end.
 */
public final class BackgroundLoop {

  private static final Logger log = LoggerFactory.getLogger(BackgroundLoop.class);

  private final String name;
  private final Duration every;
  private final Runnable work;
  private final boolean lastRunAtStop;
  private volatile ScheduledExecutorService executor;

  public BackgroundLoop(String name, Duration every, Runnable work, boolean lastRunAtStop) {
    this.name = name;
    this.every = every;
    this.work = work;
    this.lastRunAtStop = lastRunAtStop;
  }

  public synchronized void start() {
    if (executor != null) {
      return;
    }
    ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(run -> {
      Thread thread = new Thread(run, name);
      thread.setDaemon(true);
      return thread;
    });
    started.scheduleWithFixedDelay(work, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    executor = started;
  }

  public synchronized void stop() {
    ScheduledExecutorService stopping = executor;
    if (stopping == null) {
      return;
    }
    executor = null;
    if (lastRunAtStop) {
      stopping.execute(work);
    }
    stopping.shutdown();
    try {
      if (!stopping.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("{} still busy after 10 s at stop; leaving the rest to the next start", name);
        stopping.shutdownNow();
      }
    } catch (InterruptedException e) {
      stopping.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  public boolean running() {
    return executor != null;
  }
}
