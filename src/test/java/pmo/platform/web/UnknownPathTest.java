package pmo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static pmo.platform.web.EngineRestProblemsTest.assertProblem;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import pmo.IntegrationTest;
import pmo.platform.Roles;

/**
 * An unknown {@code /api/...} path answers 404 problem details that name the path, not Spring's "No static resource"
 * text; a known path still answers, and a caller without credentials still gets 401 first.
 */
class UnknownPathTest extends IntegrationTest {

  @LocalServerPort
  int port;

  @Test
  void anUnknownApiPathIsA404ProblemNamingThePath() {
    Http http = new Http(port);
    String rita = user("rita-404", Roles.REQUESTERS);

    Http.Answer unknown = http.get(rita, "/api/no-such-thing/42");
    assertProblem(unknown, 404);
    assertThat(unknown.json().path("title").asText()).isEqualTo("Not found");
    assertThat(unknown.json().path("detail").asText()).isEqualTo("nothing is at /api/no-such-thing/42");
    assertThat(unknown.body()).doesNotContain("static resource");

    assertThat(http.get(rita, "/api/projects").status()).isEqualTo(200);
    assertProblem(http.get(null, "/api/no-such-thing/42"), 401);
  }
}
