package pmo.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import pmo.risk.NewRisk;
import pmo.risk.RiskRaising;

/** The two engines of the benchmark. */
final class Sides {

  private Sides() {
  }

  /**
   * The application: the risk is raised by {@link RiskRaising#raise}, what {@code POST /api/risks} runs, as the user,
   * in this JVM; the bare side starts its process through the engine's Java API the same way, so neither side pays
   * for HTTP (until 1 December 2026 this side went through HTTP and the bare side did not).
   */
  static final class Governance extends Side {

    private final RiskRaising raising;
    private final ObjectMapper json;
    private final List<Long> projects;

    Governance(ProcessEngine engine, StatementCounter statements, RiskRaising raising, ObjectMapper json,
        List<Long> projects) {
      super("governance", engine, statements);
      this.raising = raising;
      this.json = json;
      this.projects = projects;
    }

    @Override
    boolean runs(Flow flow) {
      return flow != Flow.MINIMAL;
    }

    @Override
    Map<String, Object> stepVariables(Flow flow, People people) {
      return Map.of();
    }

    @Override
    String raiseRisk(User user, Map<String, Object> risk) {
      NewRisk raised = json.convertValue(risk, NewRisk.class);
      engine.getIdentityService().setAuthentication(user.id(), user.groups());
      try {
        return raising.raise(raised).processInstanceId();
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
    }

    @Override
    long project(int index) {
      return projects.get(index % projects.size());
    }
  }

  /**
   * The bare engine: no-op steps, so the start carries what they would have written (the project manager, the
   * percentages the routing table reads, the outcome, whether the risk came assessed).
   */
  static final class Bare extends Side {

    Bare(ProcessEngine engine, StatementCounter statements) {
      super("bare", engine, statements);
    }

    @Override
    boolean runs(Flow flow) {
      return true;
    }

    @Override
    Map<String, Object> stepVariables(Flow flow, People people) {
      Map<String, Object> vars = new HashMap<>();
      switch (flow) {
        case CHANGE_STANDARD, CHANGE_PMO -> {
          vars.put("projectManager", people.manager().id());
          vars.put("costDeltaPct", flow == Flow.CHANGE_PMO ? 3.0 : 2.0);
          vars.put("scheduleDeltaPct", 1.0);
          vars.put("outcome", "approved");
        }
        default -> { }
      }
      return vars;
    }

    @Override
    String raiseRisk(User user, Map<String, Object> risk) {
      Map<String, Object> vars = new HashMap<>(risk);
      // the REST API is for project managers and the PMO: the one who raises it here is the project manager
      vars.put("projectManager", user.id());
      vars.put("assessed", true);
      engine.getIdentityService().setAuthentication(user.id(), user.groups());
      try {
        return engine.getRuntimeService().startProcessInstanceByKey("risk-escalation", vars).getId();
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
    }

    @Override
    long project(int index) {
      return index + 1;
    }
  }
}
