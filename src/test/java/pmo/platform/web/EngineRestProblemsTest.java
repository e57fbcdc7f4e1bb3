package pmo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import pmo.IntegrationTest;
import pmo.intake.IntakeProcess;
import pmo.intake.Proposals;
import pmo.platform.Roles;

/**
 * Finding 11 on the engine's REST API, {@code /engine-rest} and Tasklist's own {@code /camunda/api/engine}: the
 * governance rules' failures, lost races and characters the database cannot store answer problem details with the
 * right status (400 with the fields, 403, 409), not 500.
 */
class EngineRestProblemsTest extends IntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  Http http;
  String requester;
  String pmo;
  String otherPmo;

  @BeforeEach
  void users() {
    http = new Http(port);
    requester = user("rita", Roles.REQUESTERS);
    pmo = user("olga", Roles.REQUESTERS, Roles.PMO);
    otherPmo = user("oscar", Roles.REQUESTERS, Roles.PMO);
    user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
  }

  @Test
  void invalidStartOverSubmitFormIs400WithTheFields() {
    Map<String, Object> variables = Proposals.startVariables("", "sam");
    variables.put(IntakeProcess.ESTIMATED_MONTHS.name(), 0);
    Http.Answer answer = http.post(requester, "/engine-rest/process-definition/key/project-intake/submit-form",
        variablesJson(variables));
    assertProblem(answer, 400);
    assertThat(fields(answer)).contains("title", "estimatedMonths");
    assertThat(answer.json().path("message").asText()).as("what Tasklist shows").contains("title");
  }

  @Test
  void nulInATextAtStartIs400() {
    Http.Answer answer = http.post(requester, "/engine-rest/process-definition/key/project-intake/submit-form",
        variablesJson(Proposals.startVariables("Nul \u0000 byte " + unique(), "sam")));
    assertProblem(answer, 400);
    assertThat(answer.json().path("errors").get(0).path("reason").asText()).contains("control characters");
  }

  @Test
  void trailingGarbageAfterTheJsonIs400() {
    Http.Answer answer = http.post(requester, "/engine-rest/process-definition/key/project-intake/submit-form",
        variablesJson(Proposals.startVariables("Trailing " + unique(), "sam")) + " {\"and\":\"more\"}");
    assertProblem(answer, 400);
    assertThat(fields(answer)).containsExactly("body");
  }

  @Test
  void twoUsersCompletingOneTaskGetOne204AndOne409() throws Exception {
    String task = screeningTask();
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService users = Executors.newFixedThreadPool(2);
    try {
      List<Future<Http.Answer>> answers = new ArrayList<>();
      for (String user : List.of(pmo, otherPmo)) {
        answers.add(users.submit(() -> {
          together.await();
          return http.post(user, "/engine-rest/task/" + task + "/complete",
              "{\"variables\":{\"screeningDecision\":{\"value\":\"complete\"}}}");
        }));
      }
      List<Http.Answer> results = new ArrayList<>();
      for (Future<Http.Answer> answer : answers) {
        results.add(answer.get());
      }
      assertThat(results).extracting(Http.Answer::status).as(results.toString()).containsExactlyInAnyOrder(204, 409);
      Http.Answer lost = results.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
      assertProblem(lost, 409);
    } finally {
      users.shutdownNow();
    }
    // and later the same: the task was completed, not missing
    Http.Answer late = http.post(otherPmo, "/engine-rest/task/" + task + "/complete",
        "{\"variables\":{\"screeningDecision\":{\"value\":\"complete\"}}}");
    assertProblem(late, 409);
    assertThat(late.json().path("detail").asText()).contains("completed by someone else");
  }

  @Test
  void unknownTaskIs404AndCamundasOwnAnswersAreKept() {
    Http.Answer unknown = http.post(pmo, "/engine-rest/task/no-such-task/complete", "{\"variables\":{}}");
    assertProblem(unknown, 404);
    // Camunda's own 4xx (its authorization check here) keeps its body, which the webapps and Modeler read
    Http.Answer camunda = http.post(requester, "/engine-rest/process-definition/key/project-lifecycle/start", "{}");
    assertThat(camunda.status()).as(camunda.toString()).isEqualTo(403);
    assertThat(camunda.json().path("type").asText()).isEqualTo("AuthorizationException");
  }

  @Test
  void tasklistsOwnEngineApiAnswersGovernanceFailuresAsProblems() throws Exception {
    String task = screeningTask();
    Webapp tasklist = new Webapp(http);
    tasklist.login(pmo);

    Http.Answer invalid = tasklist.post("/camunda/api/engine/engine/default/task/" + task + "/submit-form",
        "{\"variables\":{\"screeningDecision\":{\"value\":\"perhaps\"}}}");
    assertProblem(invalid, 400);
    assertThat(fields(invalid)).contains("screeningDecision");
    assertThat(invalid.json().path("message").asText()).contains("screeningDecision");

    // four-eyes: the requester of a proposal may not screen it, whichever API they use
    String both = user("pia", Roles.REQUESTERS, Roles.PMO);
    ProcessInstance own = start(both, IntakeProcess.KEY, Proposals.startVariables("Own " + unique(), "sam"));
    String ownTask = engine.getTaskService().createTaskQuery().processInstanceId(own.getId()).singleResult().getId();
    Webapp pia = new Webapp(new Http(port));
    pia.login(both);
    Http.Answer forbidden = pia.post("/camunda/api/engine/engine/default/task/" + ownTask + "/claim",
        "{\"userId\":\"pia\"}");
    // the task is not hers to see (the four-eyes rule hides it): the engine's authorization answers
    assertThat(forbidden.status()).as(forbidden.toString()).isEqualTo(403);
    assertThat(engine.getTaskService().createTaskQuery().taskId(ownTask).singleResult().getAssignee()).isNull();
  }

  private String screeningTask() {
    ProcessInstance proposal = start(requester, IntakeProcess.KEY, Proposals.startVariables("Race " + unique(), "sam"));
    return engine.getTaskService().createTaskQuery().processInstanceId(proposal.getId()).singleResult().getId();
  }

  static void assertProblem(Http.Answer answer, int status) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.isProblem()).as(answer.toString()).isTrue();
    JsonNode body = answer.json();
    assertThat(body.path("status").asInt()).isEqualTo(status);
    assertThat(body.path("title").asText()).isNotBlank();
    assertThat(body.path("detail").asText()).isNotBlank();
  }

  static List<String> fields(Http.Answer answer) {
    List<String> fields = new ArrayList<>();
    answer.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
    return fields;
  }

  private static String variablesJson(Map<String, Object> variables) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode values = body.putObject("variables");
    variables.forEach((name, value) -> values.putObject(name).set("value", JSON.valueToTree(value)));
    return body.toString();
  }

  /** A Tasklist session: login form, session cookie and the CSRF token the webapps send with every change. */
  static final class Webapp {

    private final Http http;
    private String csrf;

    Webapp(Http http) {
      this.http = http;
    }

    void login(String user) {
      fetchToken("/camunda/app/tasklist/default/");
      Http.Answer login = http.send(http.request(null, "/camunda/api/admin/auth/user/default/login/tasklist")
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("X-XSRF-TOKEN", csrf)
          .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + PASSWORD)));
      assertThat(login.status()).as(login.toString()).isEqualTo(200);
      fetchToken("/camunda/api/admin/auth/user/default");
    }

    Http.Answer post(String path, String json) {
      return http.send(http.request(null, path).header("Content-Type", "application/json")
          .header("X-XSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private void fetchToken(String path) {
      try {
        var response = http.client().send(http.request(null, path).GET().build(),
            java.net.http.HttpResponse.BodyHandlers.discarding());
        response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrf = token);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
