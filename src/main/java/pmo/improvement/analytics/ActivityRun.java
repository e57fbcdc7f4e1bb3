package pmo.improvement.analytics;

import java.time.Instant;

/**
 * One activity instance of the engine's history (ACT_HI_ACTINST): which flow node ran (a multi-instance body as
 * {@code <node>#multiInstanceBody}), in which execution, its user task if any, when it started and ended, whether it
 * was cancelled, and the engine's sequence counter (its order within the execution).
 */
record ActivityRun(String id, String executionId, String activityId, String type, String taskId, Instant start,
    Instant end, boolean canceled, long sequence) {

  static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

  boolean isMultiInstanceBody() {
    return activityId.endsWith(MULTI_INSTANCE_BODY);
  }

  /** The flow node of the model this run belongs to (a multi-instance body's node). */
  String nodeId() {
    return isMultiInstanceBody() ? activityId.substring(0, activityId.length() - MULTI_INSTANCE_BODY.length())
        : activityId;
  }

  /** How long it ran; null while it runs. */
  Long durationMs() {
    return end == null ? null : Math.max(0, end.toEpochMilli() - start.toEpochMilli());
  }
}
