package pmo.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * The what-if and saved scenarios over real HTTP, on three scored projects of one year each: A (score 5, 150k), B and
 * C (score 3, 100k each) under a 200k ceiling. The optimum is B and C (6) where the greedy choice takes A alone (5);
 * A is left out for the budget; pins and dependencies change the answer; a pin that cannot hold is infeasible. The
 * frontier never falls as the budget grows. Scenarios are saved, read, re-run, compared and committed; bad input is
 * 400 naming the field and saves nothing; only the PMO runs and saves (403).
 */
class WhatIfApiTest extends IntegrationTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
  };

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProjectService projects;

  String office;
  String steering;
  String auditor;
  String manager;
  YearMonth from;
  String a;
  String b;
  String c;

  @BeforeEach
  void portfolio() {
    office = user("olga", Roles.REQUESTERS, Roles.PMO);
    steering = user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    auditor = user("audrey", Roles.AUDITORS);
    manager = user("paula", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    from = YearMonth.now().plusMonths(2);
    a = project("What-if A " + unique(), "150000", 5, 5, 5, 1, 1);
    b = project("What-if B " + unique(), "100000", 3, 3, 3, 3, 3);
    c = project("What-if C " + unique(), "100000", 3, 3, 3, 3, 3);
  }

  @Test
  void theOptimumBeatsTheGreedyChoiceAndSaysWhyTheRestIsLeftOut() {
    ResponseEntity<Map<String, Object>> response = post(office, "/api/portfolio/what-if", request(null, null, true));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> result = response.getBody();
    assertThat(result).containsEntry("status", "OPTIMAL").containsEntry("objective", 6.0)
        .containsEntry("greedyObjective", 5.0).containsEntry("gap", 0.0);
    assertThat(strings(result.get("chosen"))).containsExactlyInAnyOrder(b, c);
    assertThat(strings(result.get("greedyChosen"))).containsExactly(a);
    assertThat(list(result.get("leftOut"))).singleElement().satisfies(out -> {
      assertThat(out).containsEntry("reference", a);
      assertThat(list(out.get("causes")).get(0)).containsEntry("kind", "BUDGET");
    });
    assertThat(list(result.get("budget"))).singleElement().satisfies(year -> assertThat(year)
        .containsEntry("ceiling", 200000.0).containsEntry("used", 200000.0).containsEntry("greedyUsed", 150000.0));
    List<Map<String, Object>> frontier = list(result.get("frontier"));
    assertThat(frontier).hasSizeGreaterThanOrEqualTo(20);
    for (int i = 1; i < frontier.size(); i++) {
      assertThat(((Number) frontier.get(i).get("objective")).doubleValue())
          .isGreaterThanOrEqualTo(((Number) frontier.get(i - 1).get("objective")).doubleValue());
    }
    assertThat(frontier).filteredOn(p -> Boolean.TRUE.equals(p.get("current"))).singleElement()
        .satisfies(p -> assertThat(p).containsEntry("objective", 6.0));

    // A pinned out and C requiring A: B alone; A is out by its pin, C by the dependency
    Map<String, Object> dependent = post(office, "/api/portfolio/what-if", request(Map.of(a, "out"),
        List.of(Map.of("project", c, "requires", a)), false)).getBody();
    assertThat(strings(dependent.get("chosen"))).containsExactly(b);
    assertThat(list(dependent.get("leftOut"))).filteredOn(o -> c.equals(o.get("reference"))).singleElement()
        .satisfies(o -> assertThat(list(o.get("causes"))).extracting(x -> x.get("kind")).contains("DEPENDENCY"));
    assertThat(list(dependent.get("leftOut"))).filteredOn(o -> a.equals(o.get("reference"))).singleElement()
        .satisfies(o -> assertThat(list(o.get("causes")).get(0)).containsEntry("kind", "PINNED_OUT"));
    // A pinned in: A and nothing else fits
    assertThat(strings(post(office, "/api/portfolio/what-if", request(Map.of(a, "in"), null, false)).getBody()
        .get("chosen"))).containsExactly(a);
    // A and B pinned in need 250k: infeasible, and the answer says why
    Map<String, Object> infeasible = post(office, "/api/portfolio/what-if", request(Map.of(a, "in", b, "in"), null,
        false)).getBody();
    assertThat(infeasible).containsEntry("status", "INFEASIBLE");
    assertThat(strings(infeasible.get("infeasibility"))).isNotEmpty();
  }

  @Test
  void scenariosAreSavedRerunComparedAndCommitted() {
    Map<String, Object> first = request(null, null, false);
    first.put("name", "Optimum " + unique());
    ResponseEntity<Map<String, Object>> saved = post(office, "/api/portfolio/scenarios", first);
    assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long one = ((Number) saved.getBody().get("id")).longValue();
    Map<String, Object> second = request(Map.of(a, "in"), null, false);
    second.put("name", "A first " + unique());
    long two = ((Number) post(office, "/api/portfolio/scenarios", second).getBody().get("id")).longValue();

    ResponseEntity<Map<String, Object>> read = get(auditor, "/api/portfolio/scenarios/" + one);
    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(map(read.getBody().get("result"))).containsEntry("objective", 6.0);
    assertThat(post(office, "/api/portfolio/scenarios/" + one + "/rerun", null).getBody()).containsEntry("runs", 2);

    Map<String, Object> compared = get(steering, "/api/portfolio/scenarios/compare?ids=" + one + "," + two).getBody();
    assertThat(list(compared.get("scenarios"))).extracting(s -> s.get("objective")).containsExactly(6.0, 5.0);
    assertThat(list(compared.get("candidates"))).filteredOn(m -> a.equals(m.get("reference"))).singleElement()
        .satisfies(m -> assertThat(map(m.get("chosenIn"))).containsEntry(String.valueOf(one), false)
            .containsEntry(String.valueOf(two), true));

    assertThat(post(office, "/api/portfolio/scenarios/" + two + "/commit", null).getBody())
        .containsEntry("committedBy", office);
    assertThat(get(office, "/api/portfolio/scenarios/" + two).getBody()).containsKey("committedAt");
    assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'PORTFOLIO_SCENARIO'"
        + " and entity_id in (?, ?)").param(String.valueOf(one)).param(String.valueOf(two)).query(Long.class)
        .single()).isEqualTo(4);
    assertThat(get(office, "/api/portfolio/scenarios?size=5").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get(office, "/api/portfolio/scenarios/987654321").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void badWhatIfsAre400AndSaveNothingAndOnlyThePmoRunsThem() {
    long before = jdbc.sql("select count(*) from portfolio_scenario").query(Long.class).single();
    Map<String, Object> negative = request(null, null, false);
    negative.put("budgetCeiling", -1);
    negative.put("name", "Negative");
    assertThat(errorFields(post(office, "/api/portfolio/scenarios", negative))).containsExactly("budgetCeiling");
    Map<String, Object> none = request(null, null, false);
    none.put("candidates", List.of());
    assertThat(errorFields(post(office, "/api/portfolio/what-if", none))).containsExactly("candidates");
    Map<String, Object> unknown = request(null, null, false);
    unknown.put("candidates", List.of(a, "PRJ-NOPE"));
    assertThat(errorFields(post(office, "/api/portfolio/what-if", unknown))).containsExactly("candidates[1]");
    assertThat(errorFields(post(office, "/api/portfolio/what-if", request(Map.of(a, "maybe"), null, false))))
        .containsExactly("pins." + a);
    assertThat(errorFields(post(office, "/api/portfolio/what-if", request(null,
        List.of(Map.of("project", a, "requires", a)), false)))).containsExactly("dependencies[0].requires");
    Map<String, Object> unnamed = request(null, null, false);
    assertThat(errorFields(post(office, "/api/portfolio/scenarios", unnamed))).containsExactly("name");
    assertThat(jdbc.sql("select count(*) from portfolio_scenario").query(Long.class).single()).isEqualTo(before);

    Map<String, Object> named = request(null, null, false);
    named.put("name", "Not mine to save");
    assertThat(post(steering, "/api/portfolio/what-if", request(null, null, false)).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post(steering, "/api/portfolio/scenarios", named).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(manager, "/api/portfolio/scenarios").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(jdbc.sql("select count(*) from portfolio_scenario").query(Long.class).single()).isEqualTo(before);
  }

  private Map<String, Object> request(Map<String, String> pins, List<Map<String, String>> dependencies,
      boolean frontier) {
    Map<String, Object> body = new HashMap<>();
    body.put("budgetCeiling", 200000);
    body.put("from", from.toString());
    body.put("months", 12);
    body.put("candidates", List.of(a, b, c));
    body.put("pins", pins);
    body.put("dependencies", dependencies);
    body.put("frontier", frontier);
    return body;
  }

  private String project(String name, String budget, int... scores) {
    long id = projects.register(new NewProject(null, name, "Test project " + name, steering, manager, "IT", "What-if",
        new BigDecimal(budget), from.atDay(1), from.plusMonths(11).atEndOfMonth(), "Scope of " + name)).project().id();
    Map<String, Object> given = Map.of("strategicFit", scores[0], "financialReturn", scores[1], "customerImpact",
        scores[2], "deliveryRisk", scores[3], "cost", scores[4]);
    assertThat(post(office, "/api/portfolio/projects/" + id + "/scores", Map.of("scores", given)).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    return projects.find(id).code();
  }

  private List<String> errorFields(ResponseEntity<Map<String, Object>> response) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    return list(response.getBody().get("errors")).stream().map(e -> (String) e.get("field")).toList();
  }

  private ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
    return rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(body), JSON);
  }

  private ResponseEntity<Map<String, Object>> get(String user, String path) {
    return rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.GET, null, JSON);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object o) {
    return (List<String>) o;
  }
}
