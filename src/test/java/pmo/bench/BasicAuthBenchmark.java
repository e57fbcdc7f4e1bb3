package pmo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import pmo.IntegrationTest;
import pmo.platform.Roles;

/**
 * Benchmark, not a test (excluded from the suite): the cost of HTTP Basic with bcrypt-hashed passwords, with and
 * without the cache of checked credentials. Run it twice, the second time with the cache off:
 *
 * <pre>
 * PMO_TEST_DB_URL=jdbc:postgresql://127.0.0.1:55433/pmo_bench PMO_TEST_DB_USER=postgres PMO_TEST_DB_PASSWORD= \
 *   mvn test-compile surefire:test@default-test -Dtest=BasicAuthBenchmark
 * ... -Dtest=BasicAuthBenchmark -DargLine="-Dpmo.security.credentials-cache=PT0S"
 * </pre>
 *
 * Sends {@code pmo.bench.calls} (default 200) authenticated {@code GET /api/projects} one after the other, after 20
 * to warm up, and times the engine's password check on its own.
 */
class BasicAuthBenchmark extends IntegrationTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  Environment environment;

  @Test
  void authenticatedCalls() {
    int calls = Integer.getInteger("pmo.bench.calls", 200);
    String user = user("bench-" + unique(), Roles.REQUESTERS, Roles.PMO);
    TestRestTemplate client = rest.withBasicAuth(user, PASSWORD);
    for (int i = 0; i < 20; i++) {
      assertThat(client.getForEntity("/api/projects?size=1", String.class).getStatusCode().value()).isEqualTo(200);
    }
    long start = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      assertThat(client.getForEntity("/api/projects?size=1", String.class).getStatusCode().value()).isEqualTo(200);
    }
    double millis = (System.nanoTime() - start) / 1e6;

    int checks = 20;
    long checkStart = System.nanoTime();
    for (int i = 0; i < checks; i++) {
      assertThat(identityService.checkPassword(user, PASSWORD)).isTrue();
    }
    double checkMillis = (System.nanoTime() - checkStart) / 1e6 / checks;

    System.out.printf("%nBENCH credentials-cache=%s bcrypt-strength=%s: %d x GET /api/projects in %.0f ms, %.1f ms per"
        + " call; one engine checkPassword: %.1f ms%n%n", environment.getProperty("pmo.security.credentials-cache"),
        environment.getProperty("pmo.security.bcrypt-strength"), calls, millis, millis / calls, checkMillis);
  }
}
