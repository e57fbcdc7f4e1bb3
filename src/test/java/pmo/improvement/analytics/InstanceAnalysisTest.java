package pmo.improvement.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pmo.improvement.analytics.ProcessGraph.Flow;
import pmo.improvement.analytics.ProcessGraph.Node;

/**
 * Which flows an instance took, from its activity instances and the model: loops, a merge with two incoming flows,
 * boundary timers, a multi-instance task (one activation, several runs), runs that end in the same millisecond.
 */
class InstanceAnalysisTest {

  // start -> A -> G(merge) <- loop; G -> X(split) -> A again | -> B (multi-instance) -> end; timer on B -> T -> endT
  static final ProcessGraph GRAPH = new ProcessGraph(List.of(
      new Node("start", "startEvent", null, null, false),
      new Node("A", "userTask", "A", null, false),
      new Node("M", "exclusiveGateway", null, null, false),
      new Node("X", "exclusiveGateway", null, null, false),
      new Node("B", "userTask", "B", null, false),
      new Node("T", "boundaryEvent", null, "B", true),
      new Node("R", "serviceTask", "Remind", null, false),
      new Node("end", "endEvent", null, null, false),
      new Node("endT", "endEvent", null, null, false)),
      List.of(new Flow("f1", "start", "M", null), new Flow("fLoop", "X", "M", "again"),
          new Flow("f2", "M", "A", null), new Flow("f3", "A", "X", null), new Flow("f4", "X", "B", "done"),
          new Flow("f5", "B", "end", null), new Flow("fT", "T", "R", null), new Flow("fR", "R", "endT", null)),
      Map.of("R", ProcessGraph.Step.REMINDER));

  private final List<ActivityRun> runs = new ArrayList<>();
  private long sequence;

  private ActivityRun run(String activity, String type, String task, long startMin, Long endMin) {
    ActivityRun run = new ActivityRun("ai" + runs.size(), "exec", activity, type, task, at(startMin),
        endMin == null ? null : at(endMin), false, ++sequence);
    runs.add(run);
    return run;
  }

  private static Instant at(long minutes) {
    return Instant.parse("2021-03-01T08:00:00Z").plusSeconds(60 * minutes);
  }

  @Test
  void loopsMergesTimersAndMultiInstanceRunsAreCountedOncePerEntry() {
    run("start", "startEvent", null, 0, 0L);
    run("M", "exclusiveGateway", null, 0, 0L);
    run("A", "userTask", "t1", 0, 60L);
    run("X", "exclusiveGateway", null, 60, 60L);
    run("M", "exclusiveGateway", null, 60, 60L);
    run("A", "userTask", "t2", 60, 90L);
    run("X", "exclusiveGateway", null, 90, 90L);
    run("B#multiInstanceBody", "multiInstanceBody", null, 90, 200L);
    run("B", "userTask", "t3", 90, 150L);
    run("B", "userTask", "t4", 90, 200L);
    run("T", "boundaryTimer", null, 120, 120L);
    run("R", "serviceTask", null, 120, 120L);
    run("endT", "noneEndEvent", null, 120, 120L);
    run("end", "noneEndEvent", null, 200, 200L);

    InstanceFigures figures = InstanceAnalysis.analyse(GRAPH, runs,
        Map.of("t1", at(30), "t2", at(60), "t3", at(140)));

    assertThat(figures.flowsTaken()).containsExactlyInAnyOrderEntriesOf(Map.of("f1", 1, "fLoop", 1, "f2", 2,
        "f3", 2, "f4", 1, "f5", 1, "fT", 1, "fR", 1));
    assertThat(figures.rework()).isTrue();
    assertThat(figures.reminders()).isEqualTo(1);
    assertThat(figures.escalations()).isZero();
    InstanceFigures.NodeFigures a = figures.nodes().get("A");
    assertThat(a.executions()).isEqualTo(2);
    assertThat(a.durations()).containsExactly(60L * 60_000, 30L * 60_000);
    // t1 claimed after 30 minutes; t2 assigned when it was created
    assertThat(a.waits()).containsExactly(30L * 60_000, 0L);
    assertThat(a.works()).containsExactly(30L * 60_000, 30L * 60_000);
    InstanceFigures.NodeFigures b = figures.nodes().get("B");
    assertThat(b.executions()).isEqualTo(2);
    assertThat(b.timersFired()).isEqualTo(1);
    // t4 was never assigned: it waited all its time
    assertThat(b.waits()).containsExactly(50L * 60_000, 110L * 60_000);
    assertThat(figures.nodes()).doesNotContainKey("B#multiInstanceBody");
  }

  @Test
  void aCancelledRunCountsAsRunButHasNoDuration() {
    run("start", "startEvent", null, 0, 0L);
    run("M", "exclusiveGateway", null, 0, 0L);
    runs.add(new ActivityRun("cancelled", "exec", "A", "userTask", "t1", at(0), at(45), true, ++sequence));
    InstanceFigures figures = InstanceAnalysis.analyse(GRAPH, runs, Map.of());
    assertThat(figures.nodes().get("A").executions()).isEqualTo(1);
    assertThat(figures.nodes().get("A").durations()).isEmpty();
    assertThat(figures.flowsTaken()).containsExactlyInAnyOrderEntriesOf(Map.of("f1", 1, "f2", 1));
    assertThat(figures.rework()).isFalse();
  }
}
