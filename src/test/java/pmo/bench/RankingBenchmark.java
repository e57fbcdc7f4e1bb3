package pmo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import pmo.IntegrationTest;
import pmo.TestDatabase;
import pmo.platform.Roles;
import pmo.portfolio.RankKeys;

/**
 * The ranked portfolio over 10,000 scored projects (issue 13): the projects and their current scores are written with
 * plain SQL (generate_series), then {@code GET /api/portfolio/ranking} is asked for the first page, a deep page and
 * filtered pages as a PMO user, 40 rounds, the requests of a round one after the other; p50/p95 per request kind, and
 * beside them the same user's read of the scoring model (a small answer through the same sign-in and transaction
 * machinery) as the baseline of the same run, so a loaded machine shows as both growing. The scores are written with
 * SQL and given their ranking keys as the application does at start ({@link RankKeys#refresh}). PostgreSQL only:
 * {@code PMO_TEST_DB_URL=... mvn -o test-compile surefire:test@default-test -Dtest=RankingBenchmark}. The rows it
 * writes are removed at the end.
 */
class RankingBenchmark extends IntegrationTest {

  static final int PROJECTS = 10_000;
  static final int ROUNDS = 40;

  @Autowired
  TestRestTemplate rest;
  @Autowired
  RankKeys keys;

  @Test
  void rankingOverTenThousandScoredProjects() {
    assumeTrue(TestDatabase.isPostgres(), "PostgreSQL only");
    String pmo = user("rank-pmo", Roles.REQUESTERS, Roles.PMO);
    String version = jdbc.sql("select model_version from portfolio_score order by id desc limit 1")
        .query(String.class).optional().orElse("bench");
    jdbc.sql("""
        insert into project (code, name, sponsor, manager, category, strategic_objective, stage, status, rag, start_date,
                             finish_date, created_at, updated_at)
        select 'RB-' || g, 'Ranked ' || g, 'sam', 'paula', (array['IT','INFRASTRUCTURE','PRODUCT','REGULATORY'])[1 + g % 4],
               (array['Lower operating cost','Compliance','Digital customer experience'])[1 + g % 3],
               (array['INITIATION','PLANNING','EXECUTION'])[1 + g % 3], 'ACTIVE', 'GREEN', current_date,
               current_date + 365, now() - (g || ' minutes')::interval, now()
          from generate_series(1, :n) g""").param("n", PROJECTS).update();
    jdbc.sql("""
        insert into portfolio_score (subject_type, subject_id, scores, weighted_score, model_version, source, scored_by,
                                     scored_at, is_current)
        select 'PROJECT', p.id,
               '{"strategicFit":' || (1 + p.id % 5) || ',"financialReturn":' || (1 + p.id % 4) || ',"customerImpact":'
                 || (1 + p.id % 3) || ',"deliveryRisk":' || (1 + p.id % 5) || ',"cost":' || (1 + p.id % 2) || '}',
               1 + (p.id % 400) / 100.0, :version, 'REST', 'rank-pmo', now(), true
          from project p where p.code like 'RB-%'""").param("version", version).update();
    keys.refresh();
    jdbc.sql("analyze project").update();
    jdbc.sql("analyze portfolio_score").update();
    try {
      String first = rest.withBasicAuth(pmo, PASSWORD).getForEntity("/api/portfolio/ranking?size=50", String.class)
          .getBody();
      java.util.regex.Matcher total = java.util.regex.Pattern.compile("\"total\":(\\d+)").matcher(first);
      assertThat(total.find()).as("a total in the answer").isTrue();
      assertThat(Long.parseLong(total.group(1))).as("projects ranked").isGreaterThanOrEqualTo(PROJECTS);
      assertThat(first.contains("\"reference\":\"RB-")).as("the benchmark's projects are ranked").isTrue();
      measure(pmo, new String[][] {{"baseline: the scoring model", "/api/portfolio/model"},
          {"first page", "/api/portfolio/ranking?size=50"},
          {"page 100", "/api/portfolio/ranking?size=50&page=100"},
          {"category=IT", "/api/portfolio/ranking?category=IT&size=50"},
          {"stage=EXECUTION page 20", "/api/portfolio/ranking?stage=EXECUTION&size=50&page=20"},
          {"projects only", "/api/portfolio/ranking?kind=PROJECT&size=50"}});
    } finally {
      jdbc.sql("delete from portfolio_score where subject_type = 'PROJECT' and subject_id in "
          + "(select id from project where code like 'RB-%')").update();
      jdbc.sql("delete from project where code like 'RB-%'").update();
    }
  }

  /** Every request once per round, rounds after five of warm-up; p50/p95 per request, and p50 against the baseline. */
  private void measure(String user, String[][] requests) {
    List<List<Double>> millis = new ArrayList<>();
    for (String[] ignored : requests) {
      millis.add(new ArrayList<>());
    }
    for (int i = 0; i < ROUNDS + 5; i++) {
      for (int r = 0; r < requests.length; r++) {
        long start = System.nanoTime();
        var answer = rest.withBasicAuth(user, PASSWORD).getForEntity(requests[r][1], String.class);
        double took = (System.nanoTime() - start) / 1e6;
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        if (i >= 5) {
          millis.get(r).add(took);
        }
      }
    }
    double baseline = percentile(millis.get(0), 0.5);
    for (int r = 0; r < requests.length; r++) {
      List<Double> m = millis.get(r);
      System.out.printf("ranking %-28s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  p50 %4.1f× the baseline%n",
          requests[r][0], percentile(m, 0.5), percentile(m, 0.95), percentile(m, 1.0),
          percentile(m, 0.5) / baseline);
    }
  }

  private static double percentile(List<Double> values, double p) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted[Math.max(0, (int) Math.ceil(sorted.length * p) - 1)];
  }
}
