package pmo.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import pmo.IntegrationTest;
import pmo.TestDatabase;
import pmo.platform.Roles;

/**
 * Benchmark, not a test (excluded from the suite; PostgreSQL only): every dashboard endpoint of /api/performance on
 * 10,000 projects in execution × 52 weekly status reports (520,000 reports), as a PMO user over HTTP, each called
 * 200 times one after the other; prints p50 and p95 per endpoint. The data is loaded in bulk (SQL, not the processes)
 * and removed at the end.
 *
 * <pre>
 * PMO_TEST_DB_URL=jdbc:postgresql://127.0.0.1:55433/pmo_performance PMO_TEST_DB_USER=postgres PMO_TEST_DB_PASSWORD= \
 *   mvn -o test-compile surefire:test@default-test -Dtest=PerformanceDashboardBenchmark
 * </pre>
 */
class PerformanceDashboardBenchmark extends IntegrationTest {

  static final int PROJECTS = Integer.getInteger("pmo.bench.projects", 10_000);
  static final int WEEKS = 52;
  static final int CALLS = Integer.getInteger("pmo.bench.calls", 200);

  @Autowired
  TestRestTemplate rest;

  @Test
  void dashboardEndpoints() {
    if (!TestDatabase.isPostgres()) {
      System.out.println("PerformanceDashboardBenchmark: PostgreSQL only (PMO_TEST_DB_URL)");
      return;
    }
    String pmo = user("bench-pmo", Roles.REQUESTERS, Roles.PMO);
    String tag = "B" + unique().toUpperCase();
    long started = System.nanoTime();
    load(tag);
    System.out.printf("loaded %d projects x %d reports in %.1f s%n", PROJECTS, WEEKS,
        (System.nanoTime() - started) / 1e9);
    try {
      long sample = jdbc.sql("select min(id) from project where code like :t").param("t", tag + "-%")
          .query(Long.class).single();
      Map<String, String> endpoints = new LinkedHashMap<>();
      endpoints.put("portfolio", "/api/performance/portfolio");
      endpoints.put("portfolio?category", "/api/performance/portfolio?category=IT");
      endpoints.put("projects (ranked, page 0)", "/api/performance/projects?page=0&size=20");
      endpoints.put("projects (band=RED, page 5)", "/api/performance/projects?band=RED&page=5&size=20");
      endpoints.put("projects/{id}", "/api/performance/projects/" + sample);
      endpoints.put("projects/{id}/reports", "/api/performance/projects/" + sample + "/reports?size=20");
      endpoints.put("projects/{id}/s-curve", "/api/performance/projects/" + sample + "/s-curve?size=60");
      endpoints.put("projects/{id}/trend", "/api/performance/projects/" + sample + "/trend?size=60");
      endpoints.put("trend (13 weeks)", "/api/performance/trend");
      endpoints.put("trend (52 weeks)", "/api/performance/trend?from=2000-01-01&size=60");
      endpoints.put("trend (52 weeks, category)", "/api/performance/trend?from=2000-01-01&size=60&category=IT");
      endpoints.put("forecast (late)", "/api/performance/forecast?late=true&size=20");
      endpoints.put("risk-heat-map", "/api/performance/risk-heat-map");
      endpoints.put("escalations", "/api/performance/escalations");
      endpoints.put("change-cycle-time", "/api/performance/change-cycle-time");
      endpoints.put("missing-reports", "/api/performance/missing-reports?size=20");
      endpoints.put("plans", "/api/performance/plans?size=20");
      endpoints.put("reports (periodic)", "/api/performance/reports?size=20");
      System.out.printf("%-32s %8s %8s %8s%n", "endpoint", "p50 ms", "p95 ms", "max ms");
      for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
        for (int i = 0; i < 10; i++) {
          call(pmo, endpoint.getValue());
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
          long t0 = System.nanoTime();
          call(pmo, endpoint.getValue());
          times.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(times);
        System.out.printf("%-32s %8.1f %8.1f %8.1f%n", endpoint.getKey(), times.get(times.size() / 2),
            times.get((int) Math.ceil(times.size() * 0.95) - 1), times.get(times.size() - 1));
      }
    } finally {
      unload(tag);
    }
  }

  private void call(String user, String path) {
    ResponseEntity<String> response = rest.withBasicAuth(user, PASSWORD).getForEntity(path, String.class);
    if (response.getStatusCode() != HttpStatus.OK) {
      throw new IllegalStateException(path + ": " + response.getStatusCode() + " " + response.getBody());
    }
  }

  /** 10,000 projects, 52 weekly reports each with KPIs drifting per project, the latest figures of each. */
  private void load(String tag) {
    jdbc.sql("""
        insert into project (code, name, sponsor, manager, category, stage, status, rag, start_date, finish_date,
                             created_at, updated_at)
        select :tag || '-' || g, 'Bench project ' || g, 'sam', 'pm' || (g % 200), case when g % 3 = 0 then 'IT'
               else 'PRODUCT' end, 'EXECUTION', 'ACTIVE', 'GREEN', date '2025-01-03', date '2026-06-30', now(), now()
          from generate_series(1, :n) g""").param("tag", tag).param("n", PROJECTS).update();
    jdbc.sql("""
        insert into status_report (project_id, status_date, due_date, status, rag_overall, earned_value, actual_cost,
               bac, planned_value, sv, cv, spi, cpi, spi_t, eac_typical, forecast_finish_es, forecast_finish_spi,
               kpi_band, trend_falling, submitted_by, submitted_at, created_at)
        select p.id, date '2025-01-03' + 7 * w, date '2025-01-03' + 7 * w, 'SUBMITTED',
               case when k.spi < 0.8 then 'RED' when k.spi < 0.9 then 'AMBER' else 'GREEN' end,
               k.pv * k.spi, k.pv * k.spi / k.cpi, 1000000, k.pv, k.pv * k.spi - k.pv, k.pv * k.spi - k.pv * k.spi / k.cpi,
               k.spi, k.cpi, k.spi, 1000000 / k.cpi, date '2026-06-30' + (100 * (1 - k.spi))::int,
               date '2026-06-30' + (90 * (1 - k.spi))::int,
               case when least(k.spi, k.cpi) < 0.8 then 'RED' when least(k.spi, k.cpi) < 0.9 then 'AMBER' else 'GREEN' end,
               false, p.manager, now(), now()
          from project p cross join generate_series(0, 51) w
          cross join lateral (select 1000000.0 * (w + 1) / 78 as pv,
                                     round((0.7 + (p.id % 50) / 100.0 + w / 520.0)::numeric, 4) as spi,
                                     round((0.75 + (p.id % 40) / 100.0)::numeric, 4) as cpi) k
         where p.code like :tag || '-%'""").param("tag", tag).update();
    jdbc.sql("""
        insert into project_performance (project_id, report_id, status_date, rag_overall, bac, planned_value,
               earned_value, actual_cost, spi, cpi, spi_t, eac_typical, forecast_finish_es, forecast_finish_spi,
               planned_finish, kpi_band, trend_falling, updated_at)
        select r.project_id, r.id, r.status_date, r.rag_overall, r.bac, r.planned_value, r.earned_value, r.actual_cost,
               r.spi, r.cpi, r.spi_t, r.eac_typical, r.forecast_finish_es, r.forecast_finish_spi, date '2026-06-30',
               r.kpi_band, false, now()
          from status_report r join project p on p.id = r.project_id
         where p.code like :tag || '-%' and r.status_date = date '2025-01-03' + 7 * 51""").param("tag", tag).update();
    rebuildTrend();
    jdbc.sql("analyze").update();
  }

  private void unload(String tag) {
    String bench = "(select id from project where code like '" + tag + "-%')";
    jdbc.sql("delete from project_performance where project_id in " + bench).update();
    jdbc.sql("delete from status_report where project_id in " + bench).update();
    jdbc.sql("delete from project where id in " + bench).update();
    rebuildTrend();
  }

  /** The portfolio trend aggregate (V144) of the benchmark's weeks, summed again as the migration sums it. */
  private void rebuildTrend() {
    String weeks = "status_date between date '2025-01-03' and date '2025-01-03' + 7 * 51";
    jdbc.sql("delete from portfolio_trend where " + weeks).update();
    jdbc.sql("""
        insert into portfolio_trend (status_date, category, bucket, reports, spi_sum, spi_weight, cpi_sum, cpi_weight)
        select r.status_date, p.category, mod(r.project_id, 16), count(*),
               coalesce(sum(r.bac * r.spi), 0), coalesce(sum(case when r.spi is not null then r.bac end), 0),
               coalesce(sum(r.bac * r.cpi), 0), coalesce(sum(case when r.cpi is not null then r.bac end), 0)
          from status_report r join project p on p.id = r.project_id
         where r.status = 'SUBMITTED' and r.""" + weeks
        + " group by r.status_date, p.category, mod(r.project_id, 16)").update();
  }
}
