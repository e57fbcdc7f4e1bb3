package pmo.platform.engine;

import java.lang.reflect.Field;
import java.util.Optional;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the job executor is really working: {@link JobExecutor#isActive()} stays true when its one acquisition thread
 * has died (an {@link OutOfMemoryError} ends it, and the engine does not notice), and then no job runs again. The
 * engine keeps that thread in a protected field without a getter, so it is read by reflection; where that fails the
 * thread counts as alive (only the active flag is then watched).
 */
final class JobAcquisition {

  private static final Logger log = LoggerFactory.getLogger(JobAcquisition.class);
  private static final Field THREAD = threadField();

  private JobAcquisition() {
  }

  enum State {
    /** Active and its acquisition thread runs. */
    RUNNING,
    /** Shut down (or never started). */
    STOPPED,
    /** Active, but the acquisition thread is gone: no job will run. */
    DEAD
  }

  static State of(JobExecutor executor) {
    if (!executor.isActive()) {
      return State.STOPPED;
    }
    return thread(executor).map(Thread::isAlive).orElse(true) ? State.RUNNING : State.DEAD;
  }

  private static Optional<Thread> thread(JobExecutor executor) {
    if (THREAD == null) {
      return Optional.empty();
    }
    try {
      Object thread = THREAD.get(executor);
      // active but no thread at all: as dead as a thread that ended
      return Optional.of(thread instanceof Thread t ? t : new Thread(() -> { }));
    } catch (IllegalAccessException e) {
      return Optional.empty();
    }
  }

  private static Field threadField() {
    try {
      Field field = JobExecutor.class.getDeclaredField("jobAcquisitionThread");
      field.setAccessible(true);
      return field;
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.warn("Cannot watch the job acquisition thread ({}); only the job executor's active flag is watched", e.toString());
      return null;
    }
  }
}
