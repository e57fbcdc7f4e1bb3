package pmo.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import pmo.IntegrationTest;
import pmo.platform.Roles;

/** /api/projects over real HTTP with Basic auth: registration, reads, filters, paging and every kind of bad input. */
class ProjectApiTest extends IntegrationTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
  };

  @Autowired
  TestRestTemplate rest;

  String pmo;
  String manager;
  String staff;

  @BeforeEach
  void users() {
    pmo = user("olga", Roles.REQUESTERS, Roles.PMO);
    manager = user("paula", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    staff = user("rita", Roles.REQUESTERS);
    user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
  }

  @Test
  void registersAProjectWithBaselineOneAndReadsItBack() {
    ResponseEntity<Map<String, Object>> created = post(pmo, validProject("Register " + unique()));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Map<String, Object> project = map(created.getBody().get("project"));
    long id = ((Number) project.get("id")).longValue();
    assertThat(created.getHeaders().getLocation()).hasToString("/api/projects/" + id);
    assertThat(project).containsEntry("stage", "INITIATION").containsEntry("status", "ACTIVE")
        .containsEntry("rag", "GREEN").containsEntry("manager", manager);

    ResponseEntity<Map<String, Object>> read = get(staff, "/api/projects/" + id);
    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<Map<String, Object>> baselines = list(read.getBody().get("baselines"));
    assertThat(baselines).hasSize(1);
    assertThat(baselines.get(0)).containsEntry("version", 1).containsEntry("budgetAtCompletion", 120000.0)
        .containsEntry("plannedFinish", "2027-06-30");
    assertThat(jdbc.sql("select actor from audit_event where entity_type = 'PROJECT' and entity_id = :id")
        .param("id", String.valueOf(id)).query(String.class).list()).containsExactly(pmo);
  }

  @Test
  void listFiltersByStageStatusAndManagerWithPaging() {
    // a manager of their own, so no other test's projects share the filter
    String other = user("filter-pm-" + unique(), Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    String category = "RESEARCH";
    Map<String, Object> a = validProject("Filter A " + unique());
    a.put("manager", other);
    a.put("category", category);
    long first = id(post(pmo, a));
    Map<String, Object> b = validProject("Filter B " + unique());
    b.put("manager", other);
    b.put("category", category);
    long second = id(post(pmo, b));

    Map<String, Object> page = get(staff, "/api/projects?manager=" + other + "&stage=INITIATION&status=ACTIVE&size=1")
        .getBody();
    assertThat(page).containsEntry("page", 0).containsEntry("size", 1);
    assertThat(((Number) page.get("total")).longValue()).isEqualTo(2);
    assertThat(list(page.get("items"))).singleElement().satisfies(p -> assertThat(p.get("id")).isEqualTo((int) second));
    Map<String, Object> next = get(staff, "/api/projects?manager=" + other + "&stage=INITIATION&size=1&page=1")
        .getBody();
    assertThat(list(next.get("items"))).singleElement().satisfies(p -> assertThat(p.get("id")).isEqualTo((int) first));
    assertThat(list(get(staff, "/api/projects?manager=" + other + "&stage=EXECUTION").getBody().get("items")))
        .isEmpty();
  }

  @Test
  void badInputGets400WithFieldAndReasonAndWritesNothing() {
    String name = "Bad " + unique();
    Map<String, Object> missingName = validProject(name);
    missingName.remove("name");
    assertProblem(post(pmo, missingName), 400, "name", "must not be blank");

    Map<String, Object> negative = validProject(name);
    negative.put("budgetAtCompletion", -5);
    assertProblem(post(pmo, negative), 400, "budgetAtCompletion", "must be greater than or equal to 0");

    Map<String, Object> backwards = validProject(name);
    backwards.put("plannedFinish", "2026-12-31");
    backwards.put("plannedStart", "2027-01-01");
    assertProblem(post(pmo, backwards), 400, "plannedFinish", "must not be before plannedStart (2027-01-01)");

    Map<String, Object> unknownPeople = validProject(name);
    unknownPeople.put("sponsor", "ghost");
    unknownPeople.put("manager", staff);
    ResponseEntity<Map<String, Object>> people = post(pmo, unknownPeople);
    assertProblem(people, 400, "sponsor", "unknown user 'ghost'");
    assertProblem(people, 400, "manager", "user 'rita' is not in group project-managers");

    Map<String, Object> badDate = validProject(name);
    badDate.put("plannedStart", "next tuesday");
    assertProblem(post(pmo, badDate), 400, "plannedStart", "has a value of the wrong type or format");

    Map<String, Object> badCategory = validProject(name);
    badCategory.put("category", "<script>alert(1)</script>");
    assertProblem(post(pmo, badCategory), 400, "category", "must be one of");

    assertThat(jdbc.sql("select count(*) from project where name = :n").param("n", name).query(Long.class).single())
        .isZero();
  }

  @Test
  void unknownIdIs404AndOversizedPageIs400() {
    ResponseEntity<Map<String, Object>> missing = get(staff, "/api/projects/987654321");
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(missing.getBody()).containsEntry("detail", "project 987654321 does not exist");

    assertProblem(get(staff, "/api/projects?size=100000"), 400, "size", "must be between 1 and 200");
    assertProblem(get(staff, "/api/projects?page=-1"), 400, "page", "must be 0 or more");
    assertProblem(get(staff, "/api/projects?stage=LAUNCH"), 400, "stage", "must be Stage, got 'LAUNCH'");
    assertProblem(get(staff, "/api/projects/abc"), 400, "id", "must be long");
  }

  @Test
  void onlyThePmoRegistersAndOnlyKnownUsersRead() {
    assertThat(post(staff, validProject("Not mine " + unique())).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/api/projects", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth(staff, "wrong").getForEntity("/api/projects", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  // --- helpers

  private Map<String, Object> validProject(String name) {
    Map<String, Object> p = new HashMap<>();
    p.put("name", name);
    p.put("description", "A project registered over REST");
    p.put("sponsor", "sam");
    p.put("manager", manager);
    p.put("category", "IT");
    p.put("strategicObjective", "Operational excellence");
    p.put("budgetAtCompletion", 120000);
    p.put("plannedStart", LocalDate.of(2027, 1, 1).toString());
    p.put("plannedFinish", "2027-06-30");
    p.put("scopeSummary", "Replace the legacy scheduler");
    return p;
  }

  private ResponseEntity<Map<String, Object>> post(String user, Map<String, Object> body) {
    return rest.withBasicAuth(user, PASSWORD).exchange("/api/projects", HttpMethod.POST,
        new org.springframework.http.HttpEntity<>(body), JSON);
  }

  private ResponseEntity<Map<String, Object>> get(String user, String path) {
    return rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.GET, null, JSON);
  }

  private static long id(ResponseEntity<Map<String, Object>> created) {
    return ((Number) map(created.getBody().get("project")).get("id")).longValue();
  }

  static void assertProblem(ResponseEntity<Map<String, Object>> response, int status, String field, String reason) {
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(list(response.getBody().get("errors")))
        .anySatisfy(e -> {
          assertThat(e.get("field")).isEqualTo(field);
          assertThat((String) e.get("reason")).contains(reason);
        });
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }
}
