package pmo.migration;

import java.util.List;

/**
 * A migration plan as the engine would run it, and what stands in its way. {@code generated} are the instructions the
 * engine found by equal activity ids, {@code instructions} the plan after the caller's overrides. {@code problems}
 * name the element and the reason: the plan's own ({@code processInstanceId} null) and those of the instances that
 * would move (tried in a transaction that is rolled back, for at most {@link MigrationPlanner#INSTANCES_TRIED} of them).
 */
record PlanReport(String processKey, Definition source, Definition target, List<Instruction> generated,
    List<Instruction> instructions, boolean valid, List<Problem> problems, int instanceCount, int instancesTried) {

  /** A process definition: its id and version. */
  record Definition(String id, int version, String name) {
  }

  /** Why something cannot be migrated: the element (activity id, or the instruction) and the engine's reason. */
  record Problem(String element, String reason, String processInstanceId) {
  }
}
