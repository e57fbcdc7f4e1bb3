package pmo.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
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
 * Scores and the ranking over real HTTP: the PMO scores, the ranking weighs and explains, ties and unscored projects
 * are placed as the model says, bad scores are 400 naming the field and write nothing, other groups get 403, and a
 * project's scores are read by its manager but not by another manager (404). The steering committee's pairwise
 * weighting replaces the weights (and is removed again, so the other tests see the configured model).
 */
class PortfolioScoringApiTest extends IntegrationTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
  };
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
      new ParameterizedTypeReference<>() {
      };

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProjectService projects;

  String office;
  String steering;
  String auditor;
  String manager;
  String otherManager;

  @BeforeEach
  void users() {
    office = user("olga", Roles.REQUESTERS, Roles.PMO);
    steering = user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    auditor = user("audrey", Roles.AUDITORS);
    manager = user("paula", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    otherManager = user("peter", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
  }

  @Test
  void rankingWeighsExplainsBreaksTiesAndListsUnscoredLast() {
    String objective = "Ranking " + unique();
    long low = register("Low " + objective, objective);
    long tieOld = register("Tie old " + objective, objective);
    long tieAligned = register("Tie aligned " + objective, objective);
    long unscored = register("Unscored " + objective, objective);
    long top = register("Top " + objective, objective);

    // S = 0.30 s1 + 0.25 s2 + 0.15 s3 + 0.15 (6 - risk) + 0.15 (6 - cost)
    ResponseEntity<Map<String, Object>> scored = score(office, top, scores(5, 5, 5, 1, 1), "Flagship");
    assertThat(scored.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(scored.getBody()).containsEntry("weightedScore", 5.0).containsEntry("scoredBy", office)
        .containsEntry("source", "REST").containsEntry("current", true).containsEntry("comment", "Flagship");
    assertThat(score(office, low, scores(1, 1, 1, 5, 5), null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    // both 3.0: tieAligned has the higher strategic fit, so it ranks first although it is younger
    assertThat(score(office, tieOld, scores(3, 3, 3, 3, 3), null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(score(office, tieAligned, scores(4, 3, 1, 3, 3), null).getBody()).containsEntry("weightedScore", 3.0);

    ResponseEntity<Map<String, Object>> ranking = get(steering, "/api/portfolio/ranking?kind=PROJECT&objective="
        + objective);
    assertThat(ranking.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<Map<String, Object>> items = list(ranking.getBody().get("items"));
    assertThat(items).extracting(i -> ((Number) i.get("id")).longValue())
        .containsExactly(top, tieAligned, tieOld, low, unscored);
    assertThat(items).extracting(i -> i.get("rank")).containsExactly(1, 2, 3, 4, 5);
    assertThat(items).extracting(i -> i.get("scored")).containsExactly(true, true, true, true, false);
    assertThat(items.get(4).get("score")).isNull();
    assertThat(items.get(3)).containsEntry("score", 1.0);
    Map<String, Object> deliveryRisk = list(items.get(3).get("contributions")).get(3);
    assertThat(deliveryRisk).containsEntry("criterion", "deliveryRisk").containsEntry("score", 5)
        .containsEntry("counted", 1).containsEntry("contribution", 0.15);
    assertThat(ranking.getBody()).containsEntry("total", 5).containsKey("modelVersion");

    // paged; the auditor reads the ranking too
    ResponseEntity<Map<String, Object>> second = get(auditor, "/api/portfolio/ranking?kind=PROJECT&objective="
        + objective + "&page=1&size=2");
    assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(list(second.getBody().get("items"))).extracting(i -> i.get("rank")).containsExactly(3, 4);

    // the latest scoring is the current one; the history keeps both
    assertThat(score(office, low, scores(2, 1, 1, 5, 5), "Second look").getBody()).containsEntry("weightedScore", 1.3);
    ResponseEntity<List<Map<String, Object>>> history = rest.withBasicAuth(manager, PASSWORD)
        .exchange("/api/portfolio/projects/" + low + "/scores", HttpMethod.GET, null, LIST);
    assertThat(history.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(history.getBody()).extracting(s -> s.get("current") + " " + s.get("weightedScore"))
        .containsExactly("true 1.3", "false 1.0");
    assertThat(jdbc.sql("select count(*) from audit_event where action = 'SCORED'"
        + " and entity_type = 'PORTFOLIO_SCORE' and project_id = ?").param(low).query(Long.class).single()).isEqualTo(2);
  }

  @Test
  void badScoresAre400NamingTheFieldAndWriteNothing() {
    long project = register("Bad scores " + unique(), "Bad scores");
    Map<String, Object> zero = scores(0, 3, 3, 3, 3);
    ResponseEntity<Map<String, Object>> tooLow = score(office, project, zero, null);
    assertThat(tooLow.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(list(tooLow.getBody().get("errors"))).singleElement()
        .satisfies(e -> assertThat(e).containsEntry("field", "scores.strategicFit"));
    ResponseEntity<Map<String, Object>> tooHigh = score(office, project, scores(3, 3, 3, 3, 6), null);
    assertThat(tooHigh.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(list(tooHigh.getBody().get("errors"))).singleElement()
        .satisfies(e -> assertThat(e).containsEntry("field", "scores.cost")
            .containsEntry("reason", "must be a whole number from 1 to 5, not 6 (Cost and effort)"));
    Map<String, Object> unknown = scores(3, 3, 3, 3, 3);
    unknown.put("beauty", 4);
    ResponseEntity<Map<String, Object>> unknownCriterion = score(office, project, unknown, null);
    assertThat(unknownCriterion.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(list(unknownCriterion.getBody().get("errors"))).singleElement()
        .satisfies(e -> assertThat(e).containsEntry("field", "scores.beauty"));
    Map<String, Object> missing = scores(3, 3, 3, 3, 3);
    missing.remove("customerImpact");
    assertThat(list(score(office, project, missing, null).getBody().get("errors"))).singleElement()
        .satisfies(e -> assertThat(e).containsEntry("field", "scores.customerImpact"));
    assertThat(jdbc.sql("select count(*) from portfolio_score where subject_type = 'PROJECT' and subject_id = ?")
        .param(project).query(Long.class).single()).isZero();

    // a closed project is not scored any more (409); an unknown one is 404
    projects.cancel(project, "Test: no longer needed");
    assertThat(score(office, project, scores(3, 3, 3, 3, 3), null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(score(office, 987654321L, scores(3, 3, 3, 3, 3), null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void onlyThePmoScoresAndOnlyPortfolioReadersSeeTheRanking() {
    long project = register("Guarded " + unique(), "Guarded");
    assertThat(score(manager, project, scores(3, 3, 3, 3, 3), null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(score(steering, project, scores(3, 3, 3, 3, 3), null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(manager, "/api/portfolio/ranking").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(manager, "/api/portfolio/model").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(jdbc.sql("select count(*) from portfolio_score where subject_type = 'PROJECT' and subject_id = ?")
        .param(project).query(Long.class).single()).isZero();

    score(office, project, scores(3, 3, 3, 3, 3), null);
    // the project's own manager reads its scores, another manager does not learn it exists
    assertThat(get(otherManager, "/api/portfolio/projects/" + project + "/scores").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.withBasicAuth(manager, PASSWORD).exchange("/api/portfolio/projects/" + project + "/scores",
        HttpMethod.GET, null, LIST).getBody()).hasSize(1);
    assertThat(rest.withBasicAuth(auditor, PASSWORD).exchange("/api/portfolio/projects/" + project + "/scores",
        HttpMethod.GET, null, LIST).getBody()).hasSize(1);
    assertThat(rest.getForEntity("/api/portfolio/ranking", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void steeringCommitteeDerivesWeightsByPairwiseComparison() {
    Map<String, Object> before = get(office, "/api/portfolio/model").getBody();
    assertThat(before).containsEntry("weightSource", "configuration");
    assertThat(list(before.get("criteria"))).extracting(c -> c.get("id"))
        .containsExactly("strategicFit", "financialReturn", "customerImpact", "deliveryRisk", "cost");

    // a consistent matrix: strategic fit twice as important as everything else, the rest equal
    double[][] matrix = {
        {1, 2, 2, 2, 2}, {0.5, 1, 1, 1, 1}, {0.5, 1, 1, 1, 1}, {0.5, 1, 1, 1, 1}, {0.5, 1, 1, 1, 1}};
    assertThat(post(office, "/api/portfolio/model/pairwise", Map.of("matrix", matrix)).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    double[][] notReciprocal = {
        {1, 2, 2, 2, 2}, {2, 1, 1, 1, 1}, {0.5, 1, 1, 1, 1}, {0.5, 1, 1, 1, 1}, {0.5, 1, 1, 1, 10}};
    ResponseEntity<Map<String, Object>> bad = post(steering, "/api/portfolio/model/pairwise",
        Map.of("matrix", notReciprocal));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(list(bad.getBody().get("errors"))).extracting(e -> e.get("field"))
        .contains("matrix[1][0]", "matrix[4][4]");

    ResponseEntity<Map<String, Object>> derived = post(steering, "/api/portfolio/model/pairwise",
        Map.of("matrix", matrix));
    assertThat(derived.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long id = ((Number) derived.getBody().get("id")).longValue();
    try {
      assertThat(derived.getBody()).containsEntry("consistent", true).containsEntry("consistencyRatio", 0.0);
      // 1/3 and 1/6 rounded to 4 places sum to 1.0001: the largest weight gives up the difference
      assertThat(map(derived.getBody().get("weights"))).containsEntry("strategicFit", 0.3332)
          .containsEntry("cost", 0.1667);
      Map<String, Object> after = get(auditor, "/api/portfolio/model").getBody();
      assertThat((String) after.get("weightSource")).startsWith("pairwise comparison");
      assertThat(after.get("version")).isEqualTo(derived.getBody().get("modelVersion"))
          .isNotEqualTo(before.get("version"));
      assertThat(jdbc.sql("select count(*) from audit_event where action = 'WEIGHTS_DERIVED'"
          + " and entity_id = ?").param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
    } finally {
      // the other tests expect the configured weights
      jdbc.sql("delete from portfolio_weighting where id = ?").param(id).update();
    }
    assertThat(get(office, "/api/portfolio/model").getBody()).containsEntry("version", before.get("version"));
  }

  private long register(String name, String objective) {
    return projects.register(new NewProject(null, name, "Test project " + name, steering, manager, "IT", objective,
        new BigDecimal("100000"), LocalDate.now().plusDays(10), LocalDate.now().plusMonths(12), "Scope of " + name))
        .project().id();
  }

  private static Map<String, Object> scores(int fit, int financial, int customer, int risk, int cost) {
    Map<String, Object> scores = new HashMap<>();
    scores.put("strategicFit", fit);
    scores.put("financialReturn", financial);
    scores.put("customerImpact", customer);
    scores.put("deliveryRisk", risk);
    scores.put("cost", cost);
    return scores;
  }

  private ResponseEntity<Map<String, Object>> score(String user, long project, Map<String, Object> scores,
      String comment) {
    Map<String, Object> body = new HashMap<>();
    body.put("scores", scores);
    body.put("comment", comment);
    return post(user, "/api/portfolio/projects/" + project + "/scores", body);
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
}
