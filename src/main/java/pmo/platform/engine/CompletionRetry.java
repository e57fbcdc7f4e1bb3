package pmo.platform.engine;

import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import pmo.platform.ConflictException;

/**
 * Two people finishing tasks of one process instance at the same moment (the change board voting together: each vote
 * ends one instance of the board's multi-instance task, and both update its counters) make the engine refuse the
 * second commit (optimistic locking). The loser's completion is simply tried again in a new transaction, a few times,
 * with a short random pause: its vote is then counted once, after the other. If the task is gone by then (someone else
 * completed the very same task), the answer is a conflict (409), not a failure.
 *
 * <p>Only a completion that is a whole transaction of its own is retried (Tasklist, the REST API); one inside a larger
 * transaction is left to its caller.
 */
final class CompletionRetry extends CommandInterceptor {

  static final int ATTEMPTS = 6;

  @Override
  public <T> T execute(Command<T> command) {
    boolean completion = command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd;
    if (!completion || Context.getCommandContext() != null
        || TransactionSynchronizationManager.isActualTransactionActive()) {
      return next.execute(command);
    }
    OptimisticLockingException lost = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        return next.execute(command);
      } catch (OptimisticLockingException e) {
        lost = e;
        pause(attempt);
      } catch (ProcessEngineException e) {
        if (lost != null && String.valueOf(e.getMessage()).contains("Cannot find task")) {
          throw new ConflictException("The task was completed by someone else meanwhile: " + e.getMessage());
        }
        throw goneMeanwhile(command, e);
      } catch (RuntimeException e) {
        throw goneMeanwhile(command, e);
      }
    }
    throw new ConflictException("The case was changed by others " + ATTEMPTS + " times while this task was being "
        + "completed; reload and try again");
  }

  /**
   * A completion that failed on a task someone else completed in the same moment: the engine read the task before the
   * other commit and its process position after it, so it may have run the next step's checks on this submission. The
   * task is gone now: that is the answer (409), not what those checks said.
   */
  private RuntimeException goneMeanwhile(Command<?> command, RuntimeException failure) {
    String taskId = FormContract.taskOf(command);
    if (taskId == null || failure instanceof ConflictException) {
      return failure;
    }
    boolean gone;
    try {
      gone = next.execute(context -> context.getTaskManager().findTaskById(taskId)) == null
          && next.execute(context -> context.getHistoricTaskInstanceManager()
              .findHistoricTaskInstanceById(taskId)) != null;
    } catch (RuntimeException unknown) {
      return failure;
    }
    return gone ? new ConflictException("The task was completed by someone else meanwhile") : failure;
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConflictException("interrupted while retrying a task completion");
    }
  }
}
