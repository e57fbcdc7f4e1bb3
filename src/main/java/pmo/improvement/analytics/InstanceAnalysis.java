package pmo.improvement.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one finished process instance's history into its {@link InstanceFigures}.
 *
 * <p><b>Which sequence flows were taken.</b> Camunda 7 keeps the activity instances of a process in its history, not
 * the sequence flows between them, so the flows are inferred from the model: a node that ran was entered through one of
 * its incoming flows, the one whose source ran last before it (by end time, then the same execution, then the engine's
 * sequence counter). A node with one incoming flow counts that flow when its source ran before it. A multi-instance
 * node counts once per activation (its body), not once per inner instance. Start events, boundary events and link
 * catch events have no incoming flow and count none.
 *
 * <p><b>Waiting and working.</b> A user task waits from its creation until it is first assigned (claimed, or given an
 * assignee by the model: then it does not wait), and is worked from then until completed. A task completed without
 * ever being assigned waited all its time.
 */
final class InstanceAnalysis {

  private InstanceAnalysis() {
  }

  static InstanceFigures analyse(ProcessGraph graph, List<ActivityRun> runs, Map<String, Instant> firstAssigned) {
    Set<String> withBody = new HashSet<>();
    runs.stream().filter(ActivityRun::isMultiInstanceBody).forEach(r -> withBody.add(r.nodeId()));

    Map<String, Acc> nodes = new LinkedHashMap<>();
    int reminders = 0;
    int escalations = 0;
    for (ActivityRun run : runs) {
      if (run.isMultiInstanceBody()) {
        continue;
      }
      Acc acc = nodes.computeIfAbsent(run.activityId(), id -> new Acc());
      acc.executions++;
      Long duration = run.durationMs();
      if (duration != null && !run.canceled()) {
        acc.durations.add(duration);
        if ("userTask".equals(run.type())) {
          long wait = waitOf(run, firstAssigned.get(run.taskId()), duration);
          acc.waits.add(wait);
          acc.works.add(duration - wait);
        }
      }
      ProcessGraph.Node node = graph.node(run.activityId());
      if (node != null && node.timer() && node.attachedTo() != null) {
        nodes.computeIfAbsent(node.attachedTo(), id -> new Acc()).timersFired++;
      }
      ProcessGraph.Step step = graph.step(run.activityId());
      if (step == ProcessGraph.Step.REMINDER) {
        reminders++;
      } else if (step == ProcessGraph.Step.ESCALATION) {
        escalations++;
      }
    }
    List<ActivityRun> entered = runs.stream()
        .filter(r -> r.isMultiInstanceBody() || !withBody.contains(r.activityId()))
        .sorted(Comparator.comparing(ActivityRun::start).thenComparingLong(ActivityRun::sequence))
        .toList();
    Map<String, InstanceFigures.NodeFigures> figures = new LinkedHashMap<>();
    nodes.forEach((id, acc) -> figures.put(id, new InstanceFigures.NodeFigures(acc.executions,
        List.copyOf(acc.durations), List.copyOf(acc.waits), List.copyOf(acc.works), acc.timersFired)));
    return new InstanceFigures(figures, flowsTaken(graph, entered), reminders, escalations);
  }

  private static long waitOf(ActivityRun run, Instant assigned, long duration) {
    if (assigned == null || run.end() == null || assigned.isAfter(run.end())) {
      return duration;
    }
    if (!assigned.isAfter(run.start())) {
      return 0;
    }
    return Math.min(duration, assigned.toEpochMilli() - run.start().toEpochMilli());
  }

  /** Infers the sequence flows taken from the runs, in the order they started. */
  static Map<String, Integer> flowsTaken(ProcessGraph graph, List<ActivityRun> entered) {
    Map<String, List<ActivityRun>> bySource = new HashMap<>();
    for (ActivityRun run : entered) {
      bySource.computeIfAbsent(run.nodeId(), id -> new ArrayList<>()).add(run);
    }
    Map<String, Integer> taken = new LinkedHashMap<>();
    for (ActivityRun target : entered) {
      ProcessGraph.Flow best = null;
      ActivityRun bestSource = null;
      for (ProcessGraph.Flow flow : graph.incoming(target.nodeId())) {
        for (ActivityRun source : bySource.getOrDefault(flow.sourceId(), List.of())) {
          if (source != target && before(source, target) && (bestSource == null || later(source, bestSource, target))) {
            best = flow;
            bestSource = source;
          }
        }
      }
      if (best != null) {
        taken.merge(best.id(), 1, Integer::sum);
      }
    }
    return taken;
  }

  /** Whether {@code source} ended before {@code target} started (same instant: not after it in the same execution). */
  private static boolean before(ActivityRun source, ActivityRun target) {
    if (source.end() == null) {
      return false;
    }
    if (source.end().isBefore(target.start())) {
      return true;
    }
    return source.end().equals(target.start()) && !(source.executionId().equals(target.executionId())
        && source.sequence() > target.sequence());
  }

  /** Whether {@code candidate} is a more recent predecessor of {@code target} than {@code current}. */
  private static boolean later(ActivityRun candidate, ActivityRun current, ActivityRun target) {
    int byEnd = candidate.end().compareTo(current.end());
    if (byEnd != 0) {
      return byEnd > 0;
    }
    boolean candidateSame = candidate.executionId().equals(target.executionId());
    boolean currentSame = current.executionId().equals(target.executionId());
    if (candidateSame != currentSame) {
      return candidateSame;
    }
    return candidate.sequence() > current.sequence();
  }

  private static final class Acc {
    int executions;
    int timersFired;
    final List<Long> durations = new ArrayList<>();
    final List<Long> waits = new ArrayList<>();
    final List<Long> works = new ArrayList<>();
  }
}
