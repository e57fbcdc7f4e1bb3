package pmo.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import pmo.IntegrationTest;
import pmo.platform.PageRequest;
import pmo.platform.Roles;
import pmo.project.NewProject;
import pmo.project.ProjectService;

/**
 * The ranking's pages are ordered and cut in the database from stored sort keys (see {@link RankKeys}), or, when a key
 * is of another model, ordered in Java from every key: whatever the path, the pages put together are exactly the
 * ranking as {@link Ranking#rank} defines it over the whole rows — projects and proposals, ties in score, alignment and
 * age (half the candidates registered at the same instant), with the keys written at scoring, with keys of another
 * model, and after the steering committee's pairwise weighting changed the order (the keys follow in the same
 * transaction).
 */
class RankingPagesTest extends IntegrationTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProjectService projects;
  @Autowired
  RankingService ranking;
  @Autowired
  RankingRepository rankings;
  @Autowired
  ScoringModels models;
  @Autowired
  RankKeys rankKeys;

  @Test
  void pagesPutTogetherAreTheDefinedRankingWhateverTheStateOfTheStoredKeys() throws Exception {
    String office = user("olga", Roles.REQUESTERS, Roles.PMO);
    String steering = user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    String manager = user("paula", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    String objective = "Pages " + unique();
    Random random = new Random(13);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      long id = projects.register(new NewProject(null, "Ranked " + i + " " + objective, "Ranked project " + i, steering,
          manager, "IT", objective, new BigDecimal("100000"), LocalDate.now().plusDays(10),
          LocalDate.now().plusMonths(12), "Scope " + i)).project().id();
      ids.add(id);
      if (i % 8 == 7) {
        continue; // two stay unscored
      }
      // scores from a narrow range, so weighted scores tie and the alignment and the age decide
      Map<String, Object> scores = new HashMap<>();
      for (String criterion : List.of("strategicFit", "financialReturn", "customerImpact", "deliveryRisk", "cost")) {
        scores.put(criterion, 2 + random.nextInt(3));
      }
      ResponseEntity<String> scored = post(office, "/api/portfolio/projects/" + id + "/scores",
          Map.of("scores", scores));
      assertThat(scored.getStatusCode()).as(scored.getBody()).isEqualTo(HttpStatus.CREATED);
    }
    // three proposals in intake with the same objective, two of them scored
    String requester = user("rita", Roles.REQUESTERS);
    List<Long> proposals = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Map<String, Object> variables = new HashMap<>(pmo.intake.Proposals.startVariables("Ranked proposal " + i + " "
          + objective, steering));
      variables.put(pmo.intake.IntakeProcess.STRATEGIC_OBJECTIVE.name(), objective);
      String instance = start(requester, pmo.intake.IntakeProcess.KEY, variables).getId();
      long proposal = jdbc.sql("select id from project_proposal where process_instance_id = ?").param(instance)
          .query(Long.class).single();
      proposals.add(proposal);
      if (i < 2) {
        Map<String, Object> scores = new HashMap<>();
        for (String criterion : List.of("strategicFit", "financialReturn", "customerImpact", "deliveryRisk", "cost")) {
          scores.put(criterion, 3);
        }
        ResponseEntity<String> scored = post(office, "/api/portfolio/proposals/" + proposal + "/scores",
            Map.of("scores", scores));
        assertThat(scored.getStatusCode()).as(scored.getBody()).isEqualTo(HttpStatus.CREATED);
      }
    }
    // half the projects and every proposal registered at the same instant: the age ties, kind and id decide
    jdbc.sql("update project set created_at = timestamp with time zone '2026-01-05 09:00:00+00' where id in (:ids)"
        + " and mod(id, 2) = 0").param("ids", ids).update();
    jdbc.sql("update project_proposal set created_at = timestamp with time zone '2026-01-05 09:00:00+00'"
        + " where id in (:ids)").param("ids", proposals).update();
    var filter = new RankingRepository.Filter(Subject.Kind.PROJECT, null, null, objective, null);
    var everything = new RankingRepository.Filter(null, null, null, objective, null);
    String current = rankKeys.current();
    assertThat(jdbc.sql("select count(*) from portfolio_score where subject_type = 'PROJECT' and subject_id in (:ids)"
        + " and is_current = true and rank_key = :key and rank_score is not null").param("ids", ids).param("key", current)
        .query(Long.class).single()).as("every scoring is given its sort key when it is written").isEqualTo(21);
    assertPagesAreTheRanking(filter, 23);
    assertPagesAreTheRanking(everything, 26);
    assertThat(rankings.page(everything, current, 0, 5)).as("fresh keys: the database orders the page").isPresent();

    // keys of another model: the reader weighs those rows itself
    jdbc.sql("update portfolio_score set rank_key = 'another/model', rank_score = 0"
        + " where subject_type = 'PROJECT' and subject_id in (:ids)")
        .param("ids", ids).update();
    assertThat(rankings.page(everything, current, 0, 5)).as("a stale key: ordered here").isEmpty();
    assertPagesAreTheRanking(filter, 23);
    assertPagesAreTheRanking(everything, 26);

    // the steering committee weighs strategic fit nine times everything else: the order changes, the keys follow
    List<Long> before = order(filter);
    double n = 1.0 / 9;
    double[][] matrix = {{1, 9, 9, 9, 9}, {n, 1, 1, 1, 1}, {n, 1, 1, 1, 1}, {n, 1, 1, 1, 1}, {n, 1, 1, 1, 1}};
    ResponseEntity<String> derived = post(steering, "/api/portfolio/model/pairwise", Map.of("matrix", matrix));
    assertThat(derived.getStatusCode()).as(derived.getBody()).isEqualTo(HttpStatus.CREATED);
    try {
      assertThat(rankKeys.current()).isNotEqualTo(current);
      assertThat(jdbc.sql("select count(*) from portfolio_score where is_current = true and rank_key <> :key")
          .param("key", rankKeys.current()).query(Long.class).single())
          .as("every current scoring's key is of the new weights").isZero();
      assertPagesAreTheRanking(filter, 23);
      assertPagesAreTheRanking(everything, 26);
      assertThat(order(filter)).as("the new weights rank differently").isNotEqualTo(before);
    } finally {
      // the other tests expect the configured weights
      jdbc.sql("delete from portfolio_weighting where id = ?").param(
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(derived.getBody()).path("id").asLong()).update();
      rankKeys.refresh();
    }
    assertThat(rankKeys.current()).isEqualTo(current);
    assertPagesAreTheRanking(filter, 23);
    assertPagesAreTheRanking(everything, 26);
  }

  /** Pages of 1, 4 and 50 put together equal the ranking of the whole rows, item by item. */
  private void assertPagesAreTheRanking(RankingRepository.Filter filter, int expected) {
    List<Ranking.Item> defined = Ranking.rank(rankings.rows(filter), models.current(), models.alignmentCriterion());
    assertThat(defined).hasSize(expected);
    for (int size : new int[] {1, 4, 50}) {
      List<Ranking.Item> paged = new ArrayList<>();
      for (int page = 0; paged.size() < expected; page++) {
        RankingService.RankingPage answer = ranking.page(filter, PageRequest.of(page, size));
        assertThat(answer.total()).isEqualTo(expected);
        assertThat(answer.items()).isNotEmpty();
        paged.addAll(answer.items());
      }
      assertThat(paged).as("pages of %d", size).usingRecursiveFieldByFieldElementComparator()
          .containsExactlyElementsOf(defined);
      RankingService.RankingPage past = ranking.page(filter, PageRequest.of(expected / size + 1, size));
      assertThat(past.items()).as("a page past the end").isEmpty();
      assertThat(past.total()).isEqualTo(expected);
    }
  }

  private List<Long> order(RankingRepository.Filter filter) {
    return ranking.page(filter, PageRequest.of(0, 50)).items().stream().map(Ranking.Item::id).toList();
  }

  private ResponseEntity<String> post(String user, String path, Object body) {
    return rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(body), String.class);
  }
}
