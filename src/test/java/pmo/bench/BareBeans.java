package pmo.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * What the bare engine of the benchmark resolves in the application's BPMN files: every delegate and listener is
 * {@link #NO_OP}; the beans that timers, due dates and collections call return fixed values. (Public: the engine's
 * expression language calls their methods by reflection.)
 */
public final class BareBeans {

  /** Every Java step and listener of the models, doing nothing. */
  static final Object NO_OP = new NoOp();

  private BareBeans() {
  }

  static final class NoOp implements JavaDelegate, TaskListener, ExecutionListener {

    @Override
    public void execute(DelegateExecution execution) {
    }

    @Override
    public void notify(DelegateTask task) {
    }

    @Override
    public void notify(DelegateExecution execution) {
    }
  }

  /** {@code changeDeadlines}: the approval tasks' reminder and escalation timers. */
  public static final class ChangeDeadlines {
    public String reminderAfter() {
      return "P3D";
    }

    public String escalateAfter() {
      return "P5D";
    }
  }

  /** {@code noticeDelivery}: the retry cycle of the steps that send notices. */
  public static final class NoticeDelivery {
    public String retryCycle() {
      return "R3/PT5M";
    }
  }

  /** {@code riskDeadlines}: the response's due date and the decision deadlines, a month ahead. */
  public static final class RiskDeadlines {
    public Date responseDue(String processInstanceId) {
      return inDays(30);
    }

    public Date reportDeadline(String processInstanceId) {
      return inDays(32);
    }

    public Date decisionDeadline(String processInstanceId) {
      return inDays(35);
    }
  }

  /** {@code issueDeadlines}. */
  public static final class IssueDeadlines {
    public Date respondBy(String processInstanceId) {
      return inDays(10);
    }

    public Date resolveBy(String processInstanceId) {
      return inDays(20);
    }
  }

  /** {@code performanceDeadlines}: the status report cycles (never due while a benchmark runs) and its dates. */
  public static final class PerformanceDeadlines {
    public String reportCycle() {
      return "0 0 6 ? * FRI";
    }

    public String periodicReports() {
      return "0 0 7 * * ?";
    }

    public Date dueAt(String processInstanceId) {
      return inDays(3);
    }

    public Date remindAt(String processInstanceId) {
      return inDays(5);
    }

    public Date escalateAt(String processInstanceId) {
      return inDays(7);
    }
  }

  /** {@code improvementDeadlines}: reminder and escalation of an improvement proposal, days ahead. */
  public static final class ImprovementDeadlines {
    public String reminderAt(String processInstanceId) {
      return inDays(5).toInstant().toString();
    }

    public String escalateAt(String processInstanceId) {
      return inDays(10).toInstant().toString();
    }
  }

  /**
   * {@code standardsReviewSchedule}, {@code trainingSchedule} and {@code portfolioSchedule}: cycles never due in a run.
   */
  public static final class Schedules {
    public String cycle() {
      return "0 0 6 1 1 ?";
    }

    public String expiryCheck() {
      return "0 0 5 * * ?";
    }
  }

  /** {@code standardsReviewItems}: nothing to review. */
  public static final class StandardsReviewItems {
    public List<String> of(String processInstanceId) {
      return List.of();
    }
  }

  /** {@code changeBoard}: two voters. */
  public static final class ChangeBoard {
    public List<String> voters(String requester) {
      return List.of("bench-carl", "bench-cora");
    }
  }

  private static Date inDays(int days) {
    return Date.from(Instant.now().plus(days, ChronoUnit.DAYS));
  }
}
