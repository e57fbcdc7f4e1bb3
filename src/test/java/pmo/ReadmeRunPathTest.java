package pmo;

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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The README's run path: the application started as `mvn spring-boot:run` starts it, with the config/ defaults (H2
 * file database, demo profile), only the database file moved to a temporary folder and the port chosen freely. A demo
 * user logs in to Tasklist and sees exactly the tasks and filters of their groups; an unchanged restart deploys nothing
 * new and adds no demo data twice. Runs in its own JVM (a surefire execution of its own), beside no other engine.
 */
class ReadmeRunPathTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path data;

  @Test
  void demoUserLogsInToTasklistAndSeesOnlyTheTasksOfTheirGroups() throws Exception {
    String[] args = {"--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + data.resolve("pmo")};
    long started = System.nanoTime();
    long deployments;
    long projects;
    String register;
    try (ConfigurableApplicationContext app = SpringApplication.run(PmoApplication.class, args)) {
      System.out.printf("run path: application started on H2 in %.1f s%n", (System.nanoTime() - started) / 1e9);
      String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      deployments = engine.getRepositoryService().createDeploymentQuery().count();
      projects = app.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
          .sql("select count(*) from project").query(Long.class).single();
      assertThat(projects).isEqualTo(5);
      register = registerCounts(app);
      assertThat(register).as("risks, issues, lessons of the demo (the performance demo's breach risk among them)")
          .isEqualTo("7 2 4");
      assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("project-intake")
          .count()).isEqualTo(1);

      HttpClient rita = login(base, "rita");
      assertThat(taskNames(base, rita)).isEmpty();
      assertThat(filterNames(base, rita)).containsExactlyInAnyOrder("My tasks", "Tasks I can claim",
          "Requesters (all staff)");

      // the portfolio demo: every running project scored and staffed, the architects over-allocated this month
      var jdbc = app.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
      assertThat(jdbc.sql("select count(*) from portfolio_score where subject_type = 'PROJECT' and is_current")
          .query(Long.class).single()).isEqualTo(jdbc.sql("select count(*) from project where status = 'ACTIVE'")
          .query(Long.class).single());
      assertThat(jdbc.sql("select sum(fte) from portfolio_allocation where role = 'architect' and month_start = :m")
          .param("m", java.sql.Date.valueOf(java.time.LocalDate.now().withDayOfMonth(1))).query(Double.class).single())
          .as("architect FTE this month against 1.5 available").isGreaterThan(1.5);

      HttpClient olga = login(base, "olga");
      // a task's name starts with its case's reference (the business key): README, "My cases and references"
      assertThat(rawTaskNames(base, olga)).anyMatch(name -> name.matches("PRP-\\d+ Screen proposal"))
          .anyMatch(name -> name.matches("PFR-\\d+ Propose portfolio decisions"));
      assertThat(taskNames(base, olga)).containsExactlyInAnyOrder("Screen proposal", "Propose portfolio decisions");
      assertThat(filterNames(base, olga)).contains("Project management office").doesNotContain("Steering committee");

      HttpClient sam = login(base, "sam");
      assertThat(taskNames(base, sam)).containsExactly("Approve as sponsor");

      // every demo project's lifecycle started in the project's stage: G1, G2 and G3 packages, one closure review
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("project-lifecycle")
          .count()).isEqualTo(5);
      HttpClient peter = login(base, "peter");
      // and the performance demo's: the latest status report, the slipping project's improvement plan, and the
      // approved change request waiting for its implementation; the demo register's: the response plans of the two
      // risks peter owns, and the two demo issues' triage (paula's, offered to every project manager)
      assertThat(taskNames(base, peter)).containsExactlyInAnyOrder("Submit gate package", "Submit gate package",
          "Submit gate package", "Submit gate package", "Post-project review", "Submit status report",
          "Draft improvement plan", "Implement change", "Plan response", "Plan response", "Triage issue",
          "Triage issue");

      HttpClient stranger = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
      get(stranger, base + "/camunda/app/tasklist/default/");
      HttpResponse<String> wrong = post(stranger,
          base + "/camunda/api/admin/auth/user/default/login/tasklist", "username=rita&password=nope");
      assertThat(wrong.statusCode()).isEqualTo(401);
    }

    started = System.nanoTime();
    try (ConfigurableApplicationContext again = SpringApplication.run(PmoApplication.class, args)) {
      System.out.printf("run path: restart on the same H2 file in %.1f s%n", (System.nanoTime() - started) / 1e9);
      ProcessEngine engine = again.getBean(ProcessEngine.class);
      assertThat(engine.getRepositoryService().createDeploymentQuery().count())
          .as("an unchanged restart deploys nothing new").isEqualTo(deployments);
      assertThat(again.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
          .sql("select count(*) from project").query(Long.class).single()).isEqualTo(projects);
      assertThat(registerCounts(again)).as("no demo risk, issue or lesson added twice").isEqualTo(register);
    }
  }

  private static String registerCounts(ConfigurableApplicationContext app) {
    var jdbc = app.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
    return jdbc.sql("select count(*) from risk").query(Long.class).single() + " "
        + jdbc.sql("select count(*) from issue").query(Long.class).single() + " "
        + jdbc.sql("select count(*) from lesson").query(Long.class).single();
  }

  private static HttpClient login(String base, String user) throws Exception {
    HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    get(client, base + "/camunda/app/tasklist/default/");
    HttpResponse<String> response = post(client, base + "/camunda/api/admin/auth/user/default/login/tasklist",
        "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).path("authorizedApps").toString()).contains("tasklist");
    return client;
  }

  /** The names of the user's tasks without the case reference they start with ("CR-3 Implement change"). */
  private static List<String> taskNames(String base, HttpClient client) throws Exception {
    return rawTaskNames(base, client).stream().map(name -> name.replaceFirst("^[A-Z]+-\\d+ ", "")).toList();
  }

  private static List<String> rawTaskNames(String base, HttpClient client) throws Exception {
    return names(get(client, base + "/camunda/api/engine/engine/default/task?maxResults=100"));
  }

  private static List<String> filterNames(String base, HttpClient client) throws Exception {
    return names(get(client, base + "/camunda/api/engine/engine/default/filter?resourceType=Task&maxResults=100"));
  }

  private static List<String> names(String json) throws Exception {
    List<String> names = new ArrayList<>();
    for (JsonNode node : JSON.readTree(json)) {
      names.add(node.path("name").asText());
    }
    return names;
  }

  private static String get(HttpClient client, String url) throws Exception {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
    return response.body();
  }

  /** A form POST as the Camunda webapps send it: with the CSRF token of the session's XSRF-TOKEN cookie. */
  private static HttpResponse<String> post(HttpClient client, String url, String form) throws Exception {
    String token = ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).map(c -> c.getValue()).findFirst().orElse("");
    return client.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
