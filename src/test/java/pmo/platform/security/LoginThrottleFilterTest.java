package pmo.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The throttle filter on requests from chosen client addresses (TestRestTemplate always comes from 127.0.0.1). Behind
 * it stands a fake of both doors that checks the password ({@code right}) and counts the checks, so a test sees that
 * a throttled login never reaches the password check.
 */
class LoginThrottleFilterTest {

  static final String STRANGER = "203.0.113.66";
  static final String OFFICE = "192.0.2.10";

  final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  final LoginThrottle throttle = new LoginThrottle(
      new AccountSettings.Throttle(3, 6, Duration.ofMinutes(10), Duration.ofMinutes(5)), nanos::get);
  final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
  final LoginThrottleFilter filter = new LoginThrottleFilter(throttle, new LoginAttempt.Recogniser("/camunda"), json);
  final AtomicInteger passwordChecks = new AtomicInteger();

  @Test
  void aThrottledAddressGets429OnBothDoorsWithoutAPasswordCheckWhileAnotherAddressLogsIn() throws Exception {
    for (int i = 0; i < 6; i++) {
      assertThat(send(basic("/api/projects", "user" + i, "guess"), STRANGER).getStatus()).isEqualTo(401);
    }
    int checks = passwordChecks.get();

    for (HttpServletRequest login : new HttpServletRequest[] {basic("/api/projects", "olga", "right"),
        basic("/engine-rest/task", "olga", "right"), webappLogin("tasklist", "olga", "right")}) {
      MockHttpServletResponse response = send(login, STRANGER);
      assertThat(response.getStatus()).isEqualTo(429);
      assertThat(Long.parseLong(response.getHeader("Retry-After"))).isEqualTo(300);
      assertThat(response.getContentType()).isEqualTo("application/problem+json");
      assertThat(json.readTree(response.getContentAsString()).get("status").asInt()).isEqualTo(429);
      assertThat(json.readTree(response.getContentAsString()).get("detail").asText()).contains("try again in 300 s");
    }
    assertThat(passwordChecks.get()).as("no password checked while locked").isEqualTo(checks);

    assertThat(send(basic("/api/projects", "olga", "right"), OFFICE).getStatus()).isEqualTo(200);
    assertThat(send(webappLogin("cockpit", "olga", "right"), OFFICE).getStatus()).isEqualTo(200);
  }

  @Test
  void aStrangerFailingForAdminDoesNotLockTheAdministratorOut() throws Exception {
    for (int i = 0; i < 20; i++) {
      send(i % 2 == 0 ? basic("/engine-rest/user", "admin", "guess" + i) : webappLogin("admin", "admin", "guess" + i),
          STRANGER);
    }
    assertThat(send(basic("/engine-rest/user", "admin", "right"), STRANGER).getStatus()).isEqualTo(429);
    assertThat(send(basic("/engine-rest/user", "admin", "right"), OFFICE).getStatus()).isEqualTo(200);
    assertThat(send(webappLogin("admin", "admin", "right"), OFFICE).getStatus()).isEqualTo(200);
  }

  @Test
  void theLockEndsByItself() throws Exception {
    for (int i = 0; i < 3; i++) {
      send(webappLogin("tasklist", "rita", "guess"), OFFICE);
    }
    assertThat(send(basic("/api/projects", "rita", "right"), OFFICE).getStatus()).isEqualTo(429);
    nanos.addAndGet(Duration.ofMinutes(5).toNanos());
    assertThat(send(basic("/api/projects", "rita", "right"), OFFICE).getStatus()).isEqualTo(200);
  }

  @Test
  void aWebappAnswerOtherThanLoginOrWrongPasswordResetsNothing() throws Exception {
    send(webappLogin("tasklist", "rita", "guess"), OFFICE);
    send(webappLogin("tasklist", "rita", "guess"), OFFICE);
    send(webappLogin("tasklist", "rita", "csrf-refused"), OFFICE); // 403 from the webapp: no password was checked
    send(webappLogin("tasklist", "rita", "guess"), OFFICE);
    assertThat(send(webappLogin("tasklist", "rita", "right"), OFFICE).getStatus()).isEqualTo(429);
  }

  @Test
  void requestsWithoutPasswordsPassUntouched() throws Exception {
    for (int i = 0; i < 6; i++) {
      send(basic("/api/projects", "user" + i, "guess"), STRANGER);
    }
    MockHttpServletRequest page = new MockHttpServletRequest("GET", "/camunda/app/tasklist/");
    assertThat(send(page, STRANGER).getStatus()).isEqualTo(200);
    MockHttpServletRequest anonymous = new MockHttpServletRequest("GET", "/api/projects");
    assertThat(send(anonymous, STRANGER).getStatus()).isEqualTo(200);
    MockHttpServletRequest basicElsewhere = basic("/actuator/health", "olga", "right");
    assertThat(send(basicElsewhere, STRANGER).getStatus()).isEqualTo(200);
  }

  @Test
  void ipv6ClientsAreCountedByTheirNetwork() {
    assertThat(ClientAddress.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo(ClientAddress.of("2001:db8:1:2::1"))
        .isEqualTo("2001:db8:1:2:0:0:0:0/64");
    assertThat(ClientAddress.of("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.of("2001:db8:1:2::1"));
    assertThat(ClientAddress.of("192.0.2.10")).isEqualTo("192.0.2.10");
    assertThat(ClientAddress.of("::ffff:192.0.2.10")).isEqualTo("192.0.2.10");
  }

  // --- helpers

  private MockHttpServletResponse send(HttpServletRequest request, String address) throws Exception {
    ((MockHttpServletRequest) request).setRemoteAddr(address);
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, doors());
    return response;
  }

  /** Both doors as the application has them: 401 for a wrong password, 200 for the right one. */
  private FilterChain doors() {
    return (request, response) -> {
      HttpServletRequest http = (HttpServletRequest) request;
      String password = http.getParameter("password");
      String authorization = http.getHeader("Authorization");
      if (authorization != null) {
        String decoded = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
        password = decoded.substring(decoded.indexOf(':') + 1);
      }
      if (password == null) {
        ((HttpServletResponse) response).setStatus(200);
        return;
      }
      if ("csrf-refused".equals(password)) {
        ((HttpServletResponse) response).setStatus(403);
        return;
      }
      passwordChecks.incrementAndGet();
      ((HttpServletResponse) response).setStatus("right".equals(password) ? 200 : 401);
    };
  }

  private static MockHttpServletRequest basic(String path, String user, String password) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    request.addHeader("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    return request;
  }

  private static MockHttpServletRequest webappLogin(String app, String user, String password) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST",
        "/camunda/api/admin/auth/user/default/login/" + app);
    request.setContentType("application/x-www-form-urlencoded");
    request.addParameter("username", user);
    request.addParameter("password", password);
    return request;
  }
}
