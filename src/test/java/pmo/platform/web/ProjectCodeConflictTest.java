package pmo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static pmo.platform.web.EngineRestProblemsTest.assertProblem;
import static pmo.platform.web.EngineRestProblemsTest.fields;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import pmo.IntegrationTest;
import pmo.platform.Roles;

/**
 * Project codes: PRJ- and the id unless chosen at registration. A chosen code that looks like a future automatic one
 * no longer breaks that registration (it gets the next free code), and a taken code is 409 naming the field, also
 * when two registrations race for it and the unique key decides.
 */
class ProjectCodeConflictTest extends IntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  Http http;
  String pmo;

  @BeforeEach
  void users() {
    http = new Http(port);
    pmo = user("olga", Roles.REQUESTERS, Roles.PMO);
    user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
  }

  @Test
  void aChosenCodeOfAFutureAutomaticOneDoesNotBreakThatRegistration() {
    long first = id(register(null));
    // the id after the next one, as an automatic code: chosen now by a project that itself gets id first + 1
    String chosen = String.format("PRJ-%05d", first + 2);
    Http.Answer squatter = register(chosen);
    assertThat(squatter.status()).as(squatter.toString()).isEqualTo(201);
    assertThat(id(squatter)).as("ids are consecutive while nothing else registers").isEqualTo(first + 1);

    Http.Answer next = register(null);
    assertThat(next.status()).as(next.toString()).isEqualTo(201);
    assertThat(id(next)).isEqualTo(first + 2);
    assertThat(next.json().path("project").path("code").asText()).isEqualTo(chosen + "-2");
  }

  @Test
  void aTakenCodeIs409NamingTheField() {
    String code = "DUP-" + unique();
    assertThat(register(code).status()).isEqualTo(201);
    Http.Answer again = register(code);
    assertProblem(again, 409);
    assertThat(fields(again)).containsExactly("code");
  }

  @Test
  void twoRegistrationsRacingForOneCodeGetOne201AndOne409() throws Exception {
    String code = "RACE-" + unique();
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService pmos = Executors.newFixedThreadPool(2);
    try {
      List<Future<Http.Answer>> answers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        answers.add(pmos.submit(() -> {
          together.await();
          return register(code);
        }));
      }
      List<Http.Answer> results = new ArrayList<>();
      for (Future<Http.Answer> answer : answers) {
        results.add(answer.get());
      }
      assertThat(results).extracting(Http.Answer::status).as(results.toString()).containsExactlyInAnyOrder(201, 409);
      Http.Answer lost = results.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
      assertProblem(lost, 409);
      assertThat(fields(lost)).containsExactly("code");
    } finally {
      pmos.shutdownNow();
    }
    assertThat(jdbc.sql("select count(*) from project where code = :c").param("c", code).query(Long.class).single())
        .isEqualTo(1);
  }

  private Http.Answer register(String code) {
    ObjectNode p = JSON.createObjectNode();
    if (code != null) {
      p.put("code", code);
    }
    p.put("name", "Code " + unique());
    p.put("sponsor", "sam");
    p.put("category", "IT");
    p.put("budgetAtCompletion", 1000);
    p.put("plannedStart", "2027-01-01");
    p.put("plannedFinish", "2027-06-30");
    p.put("scopeSummary", "Codes");
    return http.post(pmo, "/api/projects", p.toString());
  }

  private static long id(Http.Answer created) {
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("project").path("id").asLong();
  }
}
