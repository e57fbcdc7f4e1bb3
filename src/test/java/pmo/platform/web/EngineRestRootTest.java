package pmo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import pmo.IntegrationTest;
import pmo.platform.Roles;

/**
 * The engine REST API's root, as the README names it ({@code http://localhost:8080/engine-rest/}): a signed-in GET goes
 * on to the list of engines instead of a 404; without credentials it is 401 as the rest of the API; other paths and
 * other methods are the API's own.
 */
class EngineRestRootTest extends IntegrationTest {

  @LocalServerPort
  int port;

  @Test
  void theRootOfTheEngineRestApiLeadsToTheListOfEngines() throws Exception {
    String staff = user(unique(), Roles.REQUESTERS);
    Http http = new Http(port);
    for (String root : new String[] {"/engine-rest", "/engine-rest/"}) {
      HttpResponse<String> answer = http.client().send(http.request(staff, root).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(root).isEqualTo(302);
      assertThat(answer.headers().firstValue("Location")).as(root).hasValueSatisfying(
          location -> assertThat(location).endsWith("/engine-rest/engine"));
      assertThat(http.get(null, root).status()).as(root + " without credentials").isEqualTo(401);
    }
    Http.Answer engines = http.get(staff, "/engine-rest/engine");
    assertThat(engines.status()).isEqualTo(200);
    assertThat(engines.json().get(0).path("name").asText()).isEqualTo("default");
    assertThat(http.post(staff, "/engine-rest/", "{}").status()).as("only a GET is sent on").isNotEqualTo(302);
  }
}
