package pmo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;

/** The two engines of the benchmark. */
final class Sides {

  private Sides() {
  }

  /** The application: the risk is raised through its REST API ({@code POST /api/risks}, HTTP Basic). */
  static final class Governance extends Side {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI risks;
    private final String password;
    private final List<Long> projects;

    Governance(ProcessEngine engine, StatementCounter statements, int port, String password, List<Long> projects) {
      super("governance", engine, statements);
      this.risks = URI.create("http://127.0.0.1:" + port + "/api/risks");
      this.password = password;
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
      try {
        String basic = Base64.getEncoder().encodeToString((user.id() + ":" + password)
            .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(risks)
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(risk)))
            .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
          throw new IllegalStateException("POST /api/risks answered " + response.statusCode() + ": "
              + response.body());
        }
        JsonNode created = JSON.readTree(response.body());
        return created.get("processInstanceId").asText();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
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
