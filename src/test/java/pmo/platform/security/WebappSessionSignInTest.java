package pmo.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import pmo.IntegrationTest;
import pmo.platform.Roles;

/**
 * Our pages sign in through the webapps' own login and call {@code /api} with that session: reads with the session
 * alone, changes only with the webapps' CSRF token; after the webapps' logout the session opens nothing. Without
 * credentials a page gets a 401 that says how to sign in and no Basic challenge (the browser's password dialog);
 * curl gets the challenge.
 */
class WebappSessionSignInTest extends IntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Test
  void aPageReadsWithTheWebappSessionChangesOnlyWithItsCsrfTokenAndLogsOut() throws Exception {
    String auditor = user("audrey", Roles.AUDITORS);
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    HttpResponse<String> anonymous = send(browser, "GET", "/api/audit/verify", null, true);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as("no password dialog for a page").isEmpty();
    assertThat(JSON.readTree(anonymous.body()).path("title").asText()).isEqualTo("Not signed in");
    assertThat(send(browser, "GET", "/api/audit/verify", null, false).headers().firstValue("WWW-Authenticate"))
        .as("curl is challenged").hasValue("Basic realm=\"PMO Governance\"");

    // the webapps' login, as a page's sign-in form sends it (the CSRF token from the webapps' cookie)
    send(browser, "GET", "/camunda/api/admin/auth/user/default", null, true);
    HttpResponse<String> login = form(browser, "/camunda/api/admin/auth/user/default/login/welcome",
        "username=" + URLEncoder.encode(auditor, StandardCharsets.UTF_8) + "&password=" + PASSWORD, token(browser));
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    // signing in starts a new session, whose CSRF token the webapps hand out with the next read (as the page does)
    assertThat(send(browser, "GET", "/camunda/api/admin/auth/user/default", null, true).body()).contains(auditor);

    HttpResponse<String> read = send(browser, "GET", "/api/audit/verify", null, true);
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    assertThat(JSON.readTree(read.body()).has("intact")).isTrue();
    // a read keeps the session's id: a page's concurrent reads all carry the same cookie (a new id per read made one
    // of them a 401)
    assertThat(read.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
    // who the API takes the session for: the auditor, with her groups (she may read the trail, not raise a risk)
    assertThat(send(browser, "GET", "/api/audit?size=1", null, true).statusCode()).isEqualTo(200);

    // a change with the session alone is not signed in (another site's page could send the cookie); with the token it
    // is, and the auditor is then refused as an auditor
    String risk = "{\"projectId\":1,\"title\":\"x\"}";
    assertThat(send(browser, "POST", "/api/risks", risk, true).statusCode()).isEqualTo(401);
    HttpResponse<String> withToken = client(browser, "POST", "/api/risks", risk, token(browser));
    assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(403);

    assertThat(form(browser, "/camunda/api/admin/auth/user/default/logout", "", token(browser)).statusCode())
        .isEqualTo(200);
    assertThat(send(browser, "GET", "/api/audit/verify", null, true).statusCode()).isEqualTo(401);
  }

  @Test
  void aPageOfASessionMadeByTasklistGetsTheSessionsTokenFromTheApiAndChangesWithIt() throws Exception {
    String requester = user("rita-token", Roles.REQUESTERS);
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    // Tasklist's own login; its next read hands the new session's token to Tasklist (a cookie for the webapps' path
    // only: a page under / never sees it)
    send(browser, "GET", "/camunda/api/admin/auth/user/default", null, true);
    HttpResponse<String> login = form(browser, "/camunda/api/admin/auth/user/default/login/tasklist",
        "username=" + URLEncoder.encode(requester, StandardCharsets.UTF_8) + "&password=" + PASSWORD, token(browser));
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    send(browser, "GET", "/camunda/api/admin/auth/user/default", null, true);
    String tasklistToken = token(browser);

    // a page of the same browser asks the API for the session's token, and changes with it
    HttpResponse<String> answer = send(browser, "GET", "/api/session/csrf-token", null, true);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(JSON.readTree(answer.body()).path("token").asText()).isEqualTo(tasklistToken);
    assertThat(answer.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    HttpResponse<String> chosen = client(browser, "PUT", "/api/me/language", "{\"language\":\"zh-CN\"}",
        tasklistToken);
    assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
    assertThat(client(browser, "PUT", "/api/me/language", "{\"language\":\"en\"}", "forged").statusCode())
        .as("another token is no token").isEqualTo(401);

    // nobody signed in: 401; HTTP Basic has no session and needs no token: 204
    assertThat(send(HttpClient.newHttpClient(), "GET", "/api/session/csrf-token", null, true).statusCode())
        .isEqualTo(401);
    assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/session/csrf-token"))
        .header("Authorization", basic(requester, PASSWORD)).GET().build(), HttpResponse.BodyHandlers.ofString())
        .statusCode()).isEqualTo(204);
  }

  @Test
  void aWrongPasswordSaysSoAndASessionOfAnotherUserIsNotTakenWithBasic() throws Exception {
    String auditor = user("audrey", Roles.AUDITORS);
    HttpClient curl = HttpClient.newHttpClient();
    HttpResponse<String> wrong = curl.send(HttpRequest.newBuilder(uri("/api/audit/verify"))
        .header("Authorization", basic(auditor, "not-the-password")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(wrong.statusCode()).isEqualTo(401);
    JsonNode problem = JSON.readTree(wrong.body());
    assertThat(problem.path("title").asText()).isEqualTo("Wrong user or password");
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String basic(String user, String password) {
    return "Basic " + java.util.Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String token(HttpClient client) {
    return ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).map(c -> c.getValue()).findFirst().orElseThrow();
  }

  private HttpResponse<String> send(HttpClient client, String method, String path, String json, boolean page)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (page) {
      request.header("X-Requested-With", "fetch");
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> client(HttpClient client, String method, String path, String json, String token)
      throws Exception {
    return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .header("X-Requested-With", "fetch").header("X-XSRF-TOKEN", token)
        .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> form(HttpClient client, String path, String body, String token) throws Exception {
    return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
