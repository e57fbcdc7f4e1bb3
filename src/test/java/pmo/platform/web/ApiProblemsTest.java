package pmo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static pmo.platform.web.EngineRestProblemsTest.assertProblem;
import static pmo.platform.web.EngineRestProblemsTest.fields;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pmo.IntegrationTest;
import pmo.platform.Roles;

/**
 * Finding 11 on {@code /api} and the container's error page: JSON is read strictly (trailing text, a fraction for an
 * integer and control characters are 400 with the field), an unauthenticated call and a request the firewall refuses
 * answer problem details, and a database that cannot be reached is 503, not 500.
 */
class ApiProblemsTest extends IntegrationTest {

  @LocalServerPort
  int port;
  @Autowired
  DataSource dataSource;

  Http http;
  String pmo;

  @BeforeEach
  void users() {
    http = new Http(port);
    pmo = user("olga", Roles.REQUESTERS, Roles.PMO);
  }

  @Test
  void controlCharactersInAnyTextAre400NamingTheField() {
    Http.Answer nul = http.post(pmo, "/api/projects", "{\"name\":\"Nul \\u0000 byte\"}");
    assertProblem(nul, 400);
    assertThat(nul.json().path("errors").get(0).path("field").asText()).isEqualTo("name");
    assertThat(nul.json().path("errors").get(0).path("reason").asText()).contains("control characters");

    Http.Answer bell = http.post(pmo, "/api/risks", "{\"title\":\"ok\",\"cause\":\"ring \\u0007 bell\"}");
    assertProblem(bell, 400);
    assertThat(fields(bell)).containsExactly("cause");

    // tab, CR and LF are text
    Http.Answer lines = http.post(pmo, "/api/projects", "{\"name\":\"\",\"description\":\"a\\tb\\r\\nc\"}");
    assertProblem(lines, 400);
    assertThat(fields(lines)).doesNotContain("description").contains("name");
  }

  @Test
  void trailingTextAfterTheJsonIs400() {
    Http.Answer answer = http.post(pmo, "/api/projects", "{\"name\":\"x\"} and more");
    assertProblem(answer, 400);
    assertThat(fields(answer)).containsExactly("body");
  }

  @Test
  void aFractionForAnIntegerIs400NotCutDown() {
    Http.Answer answer = http.post(pmo, "/api/risks", "{\"title\":\"Fraction\",\"probability\":2.5}");
    assertProblem(answer, 400);
    assertThat(fields(answer)).containsExactly("probability");
  }

  @Test
  void failuresOutsideTheControllersAreProblemDetails() {
    Http.Answer anonymous = http.get(null, "/api/projects");
    assertProblem(anonymous, 401);
    Http.Answer wrongPassword = http.send(http.request(null, "/api/projects")
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("olga:wrong".getBytes())));
    assertProblem(wrongPassword, 401);
    // the firewall refuses an encoded slash before any controller
    Http.Answer rejected = http.get(pmo, "/api/projects/%25");
    assertProblem(rejected, 400);
  }

  /**
   * The database out of reach: every connection of the pool is taken (as when the database hangs), so the next
   * request waits the pool's timeout and fails. Basic authentication is the first to need the database: its failure
   * reaches the error page, which answers 503.
   */
  @Test
  void databaseOutOfReachIs503() throws Exception {
    HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
    List<Connection> taken = new ArrayList<>();
    try {
      for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
        taken.add(pool.getConnection());
      }
      Instant start = Instant.now();
      CompletableFuture<Http.Answer> api = CompletableFuture.supplyAsync(() -> http.get(pmo, "/api/projects"));
      CompletableFuture<Http.Answer> engineRest = CompletableFuture.supplyAsync(
          () -> http.get(pmo, "/engine-rest/task/count"));
      assertProblem(api.get(), 503);
      assertProblem(engineRest.get(), 503);
      assertThat(api.get().json().path("detail").asText()).contains("database");
      assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(80));
    } finally {
      for (Connection connection : taken) {
        connection.close();
      }
    }
    assertThat(http.get(pmo, "/api/projects?size=1").status()).isEqualTo(200);
  }
}
