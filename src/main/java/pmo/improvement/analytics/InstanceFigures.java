package pmo.improvement.analytics;

import java.util.List;
import java.util.Map;

/**
 * What one finished process instance adds to the figures: per flow node how often it ran, its durations (finished,
 * not cancelled runs), and for user tasks the time until claimed or assigned ({@code waits}) and from then to
 * completion ({@code works}), how often a timer on it fired; per sequence flow how often it was taken; the reminders and
 * escalations its steps sent; whether it looped (a flow taken twice or more).
 */
record InstanceFigures(Map<String, NodeFigures> nodes, Map<String, Integer> flowsTaken, int reminders,
    int escalations) {

  record NodeFigures(int executions, List<Long> durations, List<Long> waits, List<Long> works, int timersFired) {
  }

  boolean rework() {
    return flowsTaken.values().stream().anyMatch(times -> times > 1);
  }
}
