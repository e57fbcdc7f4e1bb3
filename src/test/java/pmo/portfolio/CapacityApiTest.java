package pmo.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import pmo.IntegrationTest;
import pmo.platform.Roles;
import pmo.project.NewProject;
import pmo.project.ProjectService;

/**
 * Capacity and allocations over real HTTP: the PMO sets capacity per role and month, the PMO or the project's manager
 * sets a project's staffing plan, and the capacity report flags the months a role is over-allocated with the projects
 * that cause it. Bad input is 400 naming the line and field and writes nothing; other groups get 403; another
 * manager does not see a project's plan (404). Each run works in its own far-future month (the database is shared).
 */
class CapacityApiTest extends IntegrationTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
  };

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProjectService projects;

  String office;
  String steering;
  String manager;
  String otherManager;
  YearMonth month;

  @BeforeEach
  void users() {
    office = user("olga", Roles.REQUESTERS, Roles.PMO);
    steering = user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    manager = user("paula", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    otherManager = user("peter", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    month = YearMonth.of(ThreadLocalRandom.current().nextInt(2101, 2199), ThreadLocalRandom.current().nextInt(1, 12));
  }

  @Test
  void overAllocationIsFlaggedWithTheProjectsThatCauseIt() {
    YearMonth next = month.plusMonths(1);
    ResponseEntity<Map<String, Object>> set = put(office, "/api/portfolio/capacity",
        Map.of("entries", List.of(line("architect", month, next, "1"))));
    assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(set.getBody()).containsEntry("months", 2);

    long a = register("Alloc A " + unique());
    long b = register("Alloc B " + unique());
    // the project's own manager staffs it; the PMO staffs any running project
    ResponseEntity<Map<String, Object>> plan = put(manager, "/api/portfolio/projects/" + a + "/allocations",
        Map.of("allocations", List.of(line("architect", month, next, "0.75"), line("tester", month, null, "2"))));
    assertThat(plan.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(plan.getBody()).containsEntry("fteMonths", 3.5);
    assertThat(put(office, "/api/portfolio/projects/" + b + "/allocations",
        Map.of("allocations", List.of(line("architect", month, null, "0.5")))).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    ResponseEntity<Map<String, Object>> report = get(steering, "/api/portfolio/capacity?from=" + month
        + "&months=2&role=architect");
    assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<Map<String, Object>> roles = list(report.getBody().get("roles"));
    assertThat(roles).singleElement().satisfies(r -> assertThat(r).containsEntry("role", "architect"));
    List<Map<String, Object>> months = list(roles.get(0).get("months"));
    Map<String, Object> first = months.get(0);
    assertThat(first).containsEntry("month", month.toString()).containsEntry("capacity", 1)
        .containsEntry("demand", 1.25).containsEntry("overAllocated", true);
    assertThat(list(first.get("causes"))).extracting(c -> c.get("reference") + " " + c.get("fte"))
        .containsExactly(projects.find(a).code() + " 0.75", projects.find(b).code() + " 0.5");
    assertThat(months.get(1)).containsEntry("demand", 0.75).containsEntry("overAllocated", false)
        .containsEntry("free", 0.25);
    assertThat(list(report.getBody().get("overAllocations"))).extracting(c -> c.get("month"))
        .containsExactly(month.toString());

    // the manager reads the plan of their project, another manager does not learn it exists
    assertThat(get(manager, "/api/portfolio/projects/" + a + "/allocations").getBody())
        .containsEntry("reference", projects.find(a).code());
    assertThat(get(otherManager, "/api/portfolio/projects/" + a + "/allocations").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'PORTFOLIO_ALLOCATION'"
        + " and project_id = ?").param(a).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void badCapacityAndAllocationsAre400AndWriteNothing() {
    ResponseEntity<Map<String, Object>> negative = put(office, "/api/portfolio/capacity",
        Map.of("entries", List.of(line("developer", month, null, "4"), line("developer", month, null, "-1"))));
    assertThat(negative.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(list(negative.getBody().get("errors"))).singleElement()
        .satisfies(e -> assertThat(e).containsEntry("field", "entries[1].fte"));
    ResponseEntity<Map<String, Object>> unknownRole = put(office, "/api/portfolio/capacity",
        Map.of("entries", List.of(line("juggler", month, null, "1"))));
    assertThat(unknownRole.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(list(unknownRole.getBody().get("errors"))).singleElement()
        .satisfies(e -> assertThat(e).containsEntry("field", "entries[0].role"));
    ResponseEntity<Map<String, Object>> backwards = put(office, "/api/portfolio/capacity",
        Map.of("entries", List.of(line("developer", month, month.minusMonths(1), "1"))));
    assertThat(list(backwards.getBody().get("errors"))).singleElement()
        .satisfies(e -> assertThat(e).containsEntry("field", "entries[0].to"));
    assertThat(jdbc.sql("select count(*) from portfolio_capacity where month_start = ?")
        .param(month.atDay(1)).query(Long.class).single()).isZero();

    long closed = register("Closed " + unique());
    projects.cancel(closed, "Test: stopped");
    ResponseEntity<Map<String, Object>> toClosed = put(office, "/api/portfolio/projects/" + closed + "/allocations",
        Map.of("allocations", List.of(line("developer", month, null, "1"))));
    assertThat(toClosed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(list(toClosed.getBody().get("errors"))).singleElement()
        .satisfies(e -> assertThat(e).containsEntry("field", "projectId"));
    assertThat(jdbc.sql("select count(*) from portfolio_allocation where subject_type = 'PROJECT' and subject_id = ?")
        .param(closed).query(Long.class).single()).isZero();
    assertThat(get(office, "/api/portfolio/capacity?months=0").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(get(office, "/api/portfolio/capacity?from=2030-13").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void onlyThePmoSetsCapacityAndOnlyThePmoOrTheManagerStaffsAProject() {
    long project = register("Guarded staffing " + unique());
    assertThat(put(manager, "/api/portfolio/capacity", Map.of("entries", List.of(line("developer", month, null, "1"))))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(put(steering, "/api/portfolio/capacity", Map.of("entries",
        List.of(line("developer", month, null, "1")))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(put(otherManager, "/api/portfolio/projects/" + project + "/allocations",
        Map.of("allocations", List.of(line("developer", month, null, "1")))).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(manager, "/api/portfolio/capacity").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(jdbc.sql("select count(*) from portfolio_allocation where subject_type = 'PROJECT' and subject_id = ?")
        .param(project).query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from portfolio_capacity where month_start = ?")
        .param(month.atDay(1)).query(Long.class).single()).isZero();
  }

  private long register(String name) {
    return projects.register(new NewProject(null, name, "Test project " + name, steering, manager, "IT", "Capacity",
        new BigDecimal("100000"), LocalDate.now().plusDays(10), LocalDate.now().plusMonths(12), "Scope of " + name))
        .project().id();
  }

  private static Map<String, Object> line(String role, YearMonth from, YearMonth to, String fte) {
    Map<String, Object> line = new java.util.HashMap<>();
    line.put("role", role);
    line.put("from", from.toString());
    line.put("to", to == null ? null : to.toString());
    line.put("fte", new BigDecimal(fte));
    return line;
  }

  private ResponseEntity<Map<String, Object>> put(String user, String path, Object body) {
    return rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.PUT, new HttpEntity<>(body), JSON);
  }

  private ResponseEntity<Map<String, Object>> get(String user, String path) {
    return rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.GET, null, JSON);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }
}
