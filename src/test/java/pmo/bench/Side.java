package pmo.bench;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * One engine as the benchmark's users see it: the governance application or the bare engine. Both are worked through
 * the same calls ({@link Driver}); they differ in how a risk is raised (the application's {@code RiskRaising}, or a
 * plain start) and in the variables a start carries: the bare engine's steps are no-ops, so what they would have written for the
 * gateways, assignments and decision tables comes with the start.
 */
abstract class Side {

  /** A Tasklist user and their groups. */
  record User(String id, List<String> groups) {
  }

  final String name;
  final ProcessEngine engine;
  final StatementCounter statements;

  Side(String name, ProcessEngine engine, StatementCounter statements) {
    this.name = name;
    this.engine = engine;
    this.statements = statements;
  }

  abstract boolean runs(Flow flow);

  /** The variables the (no-op) steps of {@code flow} would have written; none for the governance engine. */
  abstract Map<String, Object> stepVariables(Flow flow, People people);

  /** Raises an assessed risk as {@code user}, as {@code POST /api/risks} does; returns the process instance id. */
  abstract String raiseRisk(User user, Map<String, Object> risk);

  /** The project with this index (from 0), which change requests and risks are for. */
  abstract long project(int index);

  /** The people of every flow. */
  record People(User requester, User manager, User pmo, User sponsor, User owner) {
  }
}
