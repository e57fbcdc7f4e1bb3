package pmo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import pmo.IntegrationTest;
import pmo.platform.Roles;

/**
 * The webapps' who-is-signed-in probe: 204 without a session (no console 404 on every login page), the signed-in user
 * with a session, as before; the login itself still works through the same path.
 */
class SignedOutProbeTest extends IntegrationTest {

  private static final String PROBE = "/camunda/api/admin/auth/user/default";

  @LocalServerPort
  int port;

  @Test
  void signedOutIs204AndSignedInNamesTheUser() {
    Http http = new Http(port);
    Http.Answer signedOut = http.get(null, PROBE);
    assertThat(signedOut.status()).as(signedOut.toString()).isEqualTo(204);
    assertThat(signedOut.body()).isEmpty();

    String rita = user("rita-probe", Roles.REQUESTERS);
    EngineRestProblemsTest.Webapp tasklist = new EngineRestProblemsTest.Webapp(http);
    tasklist.login(rita);
    Http.Answer signedIn = http.get(null, PROBE);
    assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
    assertThat(signedIn.json().path("userId").asText()).isEqualTo(rita);
    assertThat(signedIn.json().path("authorizedApps").toString()).contains("tasklist");

    // another engine name without a session of it: still "nobody", not Camunda's 404
    assertThat(new Http(port).get(null, "/camunda/api/admin/auth/user/other").status()).isEqualTo(204);
  }
}
