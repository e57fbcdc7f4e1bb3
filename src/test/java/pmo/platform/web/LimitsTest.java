package pmo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import pmo.IntegrationTest;
import pmo.platform.Roles;

/**
 * Finding 8: eight auditors asking at once for a hundred million history rows exhausted the heap and killed the job
 * executor. The engine now refuses any authenticated query for more than 2000 rows, or for an unbounded number, with
 * 400 at once, and the application stays healthy. Request bodies are capped too: 413 before anything reads them.
 */
class LimitsTest extends IntegrationTest {

  @LocalServerPort
  int port;

  Http http;
  String auditor;
  String pmo;

  @BeforeEach
  void users() {
    http = new Http(port);
    auditor = user("audrey", Roles.AUDITORS);
    pmo = user("olga", Roles.REQUESTERS, Roles.PMO);
    user("owen", Roles.PROCESS_OWNERS);
  }

  @Test
  void eightParallelUnboundedHistoryQueriesAnswer400QuicklyAndTheApplicationStaysUp() throws Exception {
    Instant start = Instant.now();
    ExecutorService auditors = Executors.newFixedThreadPool(8);
    try {
      List<Future<Http.Answer>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(auditors.submit(() -> http.get(auditor, "/engine-rest/history/detail?maxResults=100000000")));
      }
      for (Future<Http.Answer> answer : answers) {
        Http.Answer a = answer.get();
        assertThat(a.status()).as(a.toString()).isEqualTo(400);
        assertThat(a.body()).contains("Max results limit of 2000 exceeded");
      }
    } finally {
      auditors.shutdownNow();
    }
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));

    // without maxResults a list is unbounded: refused as well
    Http.Answer unbounded = http.get(auditor, "/engine-rest/history/detail");
    assertThat(unbounded.status()).as(unbounded.toString()).isEqualTo(400);
    assertThat(unbounded.body()).contains("An unbound number of results is forbidden");
    // a page within the limit (what Tasklist and Cockpit ask for) works
    assertThat(http.get(auditor, "/engine-rest/history/detail?maxResults=2000").status()).isEqualTo(200);
    assertThat(http.get(auditor, "/engine-rest/history/detail/count").status()).isEqualTo(200);

    Http.Answer health = http.get(null, "/actuator/health");
    assertThat(health.status()).as(health.toString()).isIn(200, 503);
    assertThat(health.json().path("components").path("jobExecutor").path("status").asText()).isEqualTo("UP");
    assertThat(health.json().path("components").path("db").path("status").asText()).isEqualTo("UP");
    assertThat(health.json().path("components").path("processEngine").path("status").asText()).isEqualTo("UP");
  }

  @Test
  void oversizedBodiesAre413ProblemDetailsOnBothApis() {
    String big = "{\"name\":\"" + "x".repeat(1_500_000) + "\"}";
    for (String path : List.of("/api/projects", "/engine-rest/process-definition/key/project-intake/start")) {
      Http.Answer declared = http.post(pmo, path, big);
      assertThat(declared.status()).as(path + " " + declared.status()).isEqualTo(413);
      assertThat(declared.isProblem()).isTrue();
      assertThat(declared.json().path("status").asInt()).isEqualTo(413);
      assertThat(declared.json().path("detail").asText()).contains("larger than 1048576 bytes");

      Http.Answer chunked = http.postChunked(pmo, path, big.getBytes());
      assertThat(chunked.status()).as(path + " chunked: " + chunked.status()).isEqualTo(413);
      assertThat(chunked.isProblem()).isTrue();
    }
  }

  @Test
  void deploymentsMayBeLargerThanJsonBodies() {
    String boundary = "pmo" + unique();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbig\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"big.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n<definitions><!--" + "x".repeat(1_500_000)
        + "--></definitions>\r\n--" + boundary + "--\r\n";
    Http.Answer answer = http.send(http.request("owen", "/engine-rest/deployment/create")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    // read and parsed (and rejected as a model), not refused for its size
    assertThat(answer.status()).as(answer.toString()).isNotEqualTo(413).isLessThan(500);
  }
}
