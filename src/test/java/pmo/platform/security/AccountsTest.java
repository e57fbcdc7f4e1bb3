package pmo.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import pmo.IntegrationTest;
import pmo.platform.Roles;

/**
 * Accounts over real HTTP, with the test settings of {@link IntegrationTest}: 3 failed logins of a user lock that user
 * at that address for 3 s. Every request here comes from 127.0.0.1; the per-address rules and other addresses are in
 * {@link LoginThrottleFilterTest}.
 */
class AccountsTest extends IntegrationTest {

  static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/default/login/tasklist";

  @Autowired
  TestRestTemplate rest;

  /**
   * The finding: ten wrong passwords, one per lock window, locked an account for good. Now twelve, spread over several
   * lock windows, are each answered, the engine counts them all, and after the last lock the right password works.
   */
  @Test
  void wrongPasswordsOverManyLockWindowsNeverLockTheAccountForGood() {
    String rita = user("rita-" + unique(), Roles.REQUESTERS);
    int failures = 0;
    int locks = 0;
    while (failures < 12) {
      ResponseEntity<String> response = basic(rita, "wrong");
      if (response.getStatusCode().value() == 429) {
        locks++;
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isIn("1", "2", "3");
        // the lock is waited out with wrong passwords: the right one would reset the engine's count
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
            .until(() -> basic(rita, "wrong").getStatusCode().value() == 401);
      } else {
        assertThat(response.getStatusCode().value()).isEqualTo(401);
      }
      failures++;
    }
    assertThat(locks).isGreaterThanOrEqualTo(3);
    assertThat(engineAttempts(rita)).as("the engine saw every failure").isEqualTo(12);

    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
        .until(() -> basic(rita, PASSWORD).getStatusCode().value() == 200);
    assertThat(engineAttempts(rita)).isZero();
  }

  @Test
  void anAccountTheEnginesOldSettingsHadLockedForGoodLogsIn() {
    String rob = user("rob-" + unique(), Roles.REQUESTERS);
    jdbc.sql("update ACT_ID_USER set ATTEMPTS_ = 10, LOCK_EXP_TIME_ = ? where ID_ = ?")
        .params(java.sql.Timestamp.from(java.time.Instant.now()), rob).update();
    assertThat(basic(rob, PASSWORD).getStatusCode().value()).isEqualTo(200);
    assertThat(engineAttempts(rob)).isZero();
  }

  @Test
  void aUserLockedAtOneDoorIsLockedAtTheOtherAndOthersStillLogIn() {
    String olga = user("olga-" + unique(), Roles.REQUESTERS, Roles.PMO);
    String oscar = user("oscar-" + unique(), Roles.REQUESTERS, Roles.PMO);
    for (int i = 0; i < 3; i++) {
      assertThat(webappLogin(olga, "wrong").getStatusCode().value()).isEqualTo(401);
    }
    for (ResponseEntity<String> locked : java.util.List.of(basic(olga, PASSWORD), webappLogin(olga, PASSWORD),
        rest.withBasicAuth(olga, PASSWORD).getForEntity("/engine-rest/task", String.class))) {
      assertThat(locked.getStatusCode().value()).isEqualTo(429);
      assertThat(locked.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isIn("1", "2", "3");
      assertThat(locked.getHeaders().getContentType()).hasToString("application/problem+json");
      assertThat(locked.getBody()).contains("\"status\":429", "Too many failed logins");
    }
    assertThat(basic(oscar, PASSWORD).getStatusCode().value()).isEqualTo(200);
    assertThat(webappLogin(oscar, PASSWORD).getStatusCode().value()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
        .until(() -> webappLogin(olga, PASSWORD).getStatusCode().value() == 200);
    assertThat(basic(olga, PASSWORD).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void aSha512HashIsReplacedByBcryptAtTheNextLoginThroughEitherDoor() {
    String viaBasic = legacyUser("legacy-" + unique());
    String viaWebapp = legacyUser("legacy-" + unique());
    assertThat(storedHash(viaBasic)).startsWith("{SHA-512}");

    assertThat(basic(viaBasic, "wrong").getStatusCode().value()).isEqualTo(401);
    assertThat(storedHash(viaBasic)).as("a wrong password changes nothing").startsWith("{SHA-512}");
    assertThat(basic(viaBasic, PASSWORD).getStatusCode().value()).isEqualTo(200);
    assertThat(storedHash(viaBasic)).startsWith("{BCRYPT}$2a$10$");
    assertThat(identityService.checkPassword(viaBasic, PASSWORD)).isTrue();
    assertThat(identityService.checkPassword(viaBasic, "wrong")).isFalse();

    assertThat(webappLogin(viaWebapp, PASSWORD).getStatusCode().value()).isEqualTo(200);
    assertThat(storedHash(viaWebapp)).startsWith("{BCRYPT}$2a$10$");
    assertThat(webappLogin(viaWebapp, PASSWORD).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void newUsersGetBcryptHashes() {
    String fresh = user("fresh-" + unique(), Roles.REQUESTERS);
    assertThat(storedHash(fresh)).startsWith("{BCRYPT}$2a$10$");
  }

  @Test
  void aChangedPasswordStopsWorkingAtOnceThoughTheOldOneWasCached() {
    String carl = user("carl-" + unique(), Roles.REQUESTERS);
    assertThat(basic(carl, PASSWORD).getStatusCode().value()).isEqualTo(200);
    assertThat(basic(carl, PASSWORD).getStatusCode().value()).isEqualTo(200);

    var entity = identityService.createUserQuery().userId(carl).singleResult();
    entity.setPassword("a-new-password");
    identityService.saveUser(entity);

    assertThat(basic(carl, PASSWORD).getStatusCode().value()).isEqualTo(401);
    assertThat(basic(carl, "a-new-password").getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void theEngineApisPasswordCheckForAnyUserIsClosed() {
    String pmo = user("pia-" + unique(), Roles.REQUESTERS, Roles.PMO);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> verify = rest.withBasicAuth(pmo, PASSWORD).postForEntity("/engine-rest/identity/verify",
        new HttpEntity<>("{\"username\":\"admin\",\"password\":\"guess\"}", headers), String.class);
    assertThat(verify.getStatusCode().value()).isEqualTo(403);

    // the webapps' own engine API, in a logged-in Tasklist session: a POST query works, the password check does not
    WebappSession session = new WebappSession();
    assertThat(session.post(WEBAPP_LOGIN, MediaType.APPLICATION_FORM_URLENCODED,
        "username=" + pmo + "&password=" + PASSWORD).getStatusCode().value()).isEqualTo(200);
    session.refresh();
    assertThat(session.post("/camunda/api/engine/engine/default/task?maxResults=10", MediaType.APPLICATION_JSON, "{}")
        .getStatusCode().value()).isEqualTo(200);
    assertThat(session.post("/camunda/api/engine/engine/default/identity/verify", MediaType.APPLICATION_JSON,
        "{\"username\":\"admin\",\"password\":\"guess\"}").getStatusCode().value()).isEqualTo(403);
  }

  // --- helpers

  private ResponseEntity<String> basic(String user, String password) {
    return rest.withBasicAuth(user, password).getForEntity("/api/projects", String.class);
  }

  /** The webapps' login form, as Tasklist sends it: with the session and CSRF token the webapp handed out first. */
  private ResponseEntity<String> webappLogin(String user, String password) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", password);
    return new WebappSession().post(WEBAPP_LOGIN, MediaType.APPLICATION_FORM_URLENCODED, form);
  }

  /** A browser session with the webapps: their session cookie and CSRF token, as Tasklist keeps them. */
  private class WebappSession {

    final java.util.Map<String, String> cookies = new java.util.LinkedHashMap<>();
    String csrfToken;

    WebappSession() {
      refresh();
    }

    /** A read, which hands out the session's CSRF token (a login starts a new session with a new token). */
    void refresh() {
      HttpHeaders headers = new HttpHeaders();
      headers.set(HttpHeaders.COOKIE, cookieHeader());
      ResponseEntity<String> page = rest.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
          new HttpEntity<>(headers), String.class);
      keepCookies(page);
      csrfToken = page.getHeaders().getFirst("X-XSRF-TOKEN");
    }

    private String cookieHeader() {
      return cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
          .collect(java.util.stream.Collectors.joining("; "));
    }

    ResponseEntity<String> post(String path, MediaType type, Object body) {
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(type);
      headers.set("X-XSRF-TOKEN", csrfToken);
      headers.set(HttpHeaders.COOKIE, cookieHeader());
      ResponseEntity<String> response = rest.postForEntity(path, new HttpEntity<>(body, headers), String.class);
      keepCookies(response);
      return response;
    }

    private void keepCookies(ResponseEntity<String> response) {
      for (String cookie : response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
        String pair = cookie.substring(0, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';'));
        cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
    }
  }

  private String storedHash(String user) {
    return jdbc.sql("select PWD_ from ACT_ID_USER where ID_ = ?").param(user).query(String.class).single();
  }

  private int engineAttempts(String user) {
    return jdbc.sql("select ATTEMPTS_ from ACT_ID_USER where ID_ = ?").param(user).query(Integer.class).single();
  }

  /**
   * A user whose password row is as Camunda's default encryptor writes it: a random 16-byte salt in Base64, and
   * {@code {SHA-512}} + Base64(SHA-512(password + salt)).
   */
  private String legacyUser(String id) {
    user(id, Roles.REQUESTERS, Roles.PMO);
    byte[] random = new byte[16];
    new SecureRandom().nextBytes(random);
    String salt = Base64.getEncoder().encodeToString(random);
    try {
      byte[] hash = MessageDigest.getInstance("SHA-512").digest((PASSWORD + salt).getBytes(StandardCharsets.UTF_8));
      String stored = "{SHA-512}" + Base64.getEncoder().encodeToString(hash);
      jdbc.sql("update ACT_ID_USER set PWD_ = ?, SALT_ = ? where ID_ = ?").params(stored, salt, id).update();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return id;
  }
}
