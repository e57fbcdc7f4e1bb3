package pmo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import pmo.IntegrationTest;
import pmo.platform.Roles;

/**
 * The webapps' who-is-signed-in probe: 204 without a session (no console 404 on every login page) that still carries
 * the CSRF token, the signed-in user with a session, as before; the login itself still works.
 */
class SignedOutProbeTest extends IntegrationTest {

  private static final String PROBE = "/camunda/api/admin/auth/user/default";

  @LocalServerPort
  int port;

  @Test
  void signedOutIs204AndSignedInNamesTheUser() throws Exception {
    Http.Answer signedOut = new Http(port).get(null, PROBE);
    assertThat(signedOut.status()).as(signedOut.toString()).isEqualTo(204);
    assertThat(signedOut.body()).isEmpty();
    // still Camunda's answer otherwise: its CSRF filter hands a new session its token on this read
    Http fresh = new Http(port);
    var raw = fresh.client().send(fresh.request(null, PROBE).GET().build(), HttpResponse.BodyHandlers.discarding());
    assertThat(raw.statusCode()).isEqualTo(204);
    assertThat(raw.headers().firstValue("X-XSRF-TOKEN")).isPresent();

    String rita = user("rita-probe", Roles.REQUESTERS);
    Http http = new Http(port);
    new EngineRestProblemsTest.Webapp(http).login(rita);
    Http.Answer signedIn = http.get(null, PROBE);
    assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
    assertThat(signedIn.json().path("userId").asText()).isEqualTo(rita);
    assertThat(signedIn.json().path("authorizedApps").toString()).contains("tasklist");

    // another engine name without a session of it: still "nobody", not Camunda's 404
    assertThat(new Http(port).get(null, "/camunda/api/admin/auth/user/other").status()).isEqualTo(204);
  }
}
