package pmo.platform.engine;

/**
 * Work the system does after a commit, in a transaction of its own, retried and then raised as an incident when it
 * fails, without a process instance of its own: a bean of this type, queued by {@link SystemJobs#queue} in the
 * transaction that decides it. The engine's job executor runs it (on any node of a cluster, exactly once per
 * successful run), so it is as reliable as an asynchronous process step and costs about a fifth of the statements
 * of starting a process for it.
 */
public interface SystemJob {

  /** The name it is queued under; unique among the system jobs. */
  String name();

  /** Does the work for {@code argument} (what {@link SystemJobs#queue} was given), in the job's transaction. */
  void run(String argument);

  /**
   * How often and how far apart a failed run is tried again, as a model's {@code failedJobRetryTimeCycle}: an ISO-8601
   * repetition such as {@code R3/PT5M}. The last failure leaves the job with no retries and an incident.
   */
  String retryCycle();
}
