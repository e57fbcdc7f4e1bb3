package pmo.stagegate;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;
import pmo.platform.engine.SystemActions;

/**
 * The must-meet (knock-out) criteria of the gates: the decision table {@code gate-criteria}
 * (processes/gate-criteria.dmn, hit policy COLLECT), which yields one row per criterion of the gate, met or not. The
 * evaluation is the system's check, so it runs without the acting user's authorizations; the engine keeps it in the
 * decision history.
 */
@Component
class GateCriteria {

  static final String DECISION = "gate-criteria";

  private final DecisionService decisions;
  private final SystemActions system;

  GateCriteria(DecisionService decisions, SystemActions system) {
    this.decisions = decisions;
    this.system = system;
  }

  /** The criteria of the gate named by the fact {@code gate}; none when the table has no rule for that gate. */
  List<CriterionResult> evaluate(Map<String, Object> facts) {
    DmnDecisionResult result = system.call(
        () -> decisions.evaluateDecisionByKey(DECISION).variables(facts).evaluate());
    return result.stream()
        // an empty output entry (no advice on a met criterion) is absent from the row
        .map(row -> new CriterionResult(Objects.toString(row.get("criterion"), null),
            Objects.toString(row.get("label"), null), Boolean.TRUE.equals(row.get("passed")),
            Objects.toString(row.get("advice"), null)))
        .toList();
  }
}
