package pmo.performance;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.SqlFilter;

/** The table {@code performance_report}. */
@Repository
class PeriodicReportRepository {

  static final String COLUMNS = "id, kind, period_start, period_end, projects, reported, green, amber, red, breaches, "
      + "open_plans, spi, cpi, bac, generated_by, generated_at";

  private final JdbcClient jdbc;

  PeriodicReportRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(PeriodicReport r, String figures, String html, String csv, String processInstanceId) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into performance_report (kind, period_start, period_end, projects, reported, green, amber, red,
                   breaches, open_plans, spi, cpi, bac, figures, html, csv, process_instance_id, generated_by,
                   generated_at)
            values (:kind, :periodStart, :periodEnd, :projects, :reported, :green, :amber, :red, :breaches,
                    :openPlans, :spi, :cpi, :bac, :figures, :html, :csv, :pi, :generatedBy, :generatedAt)""")
        .params(params(r)).param("figures", figures).param("html", html).param("csv", csv)
        .param("pi", processInstanceId).update(key, "id");
    return key.getKey().longValue();
  }

  private static java.util.Map<String, Object> params(PeriodicReport r) {
    java.util.Map<String, Object> p = new java.util.HashMap<>();
    p.put("kind", r.kind());
    p.put("periodStart", r.periodStart());
    p.put("periodEnd", r.periodEnd());
    p.put("projects", r.projects());
    p.put("reported", r.reported());
    p.put("green", r.green());
    p.put("amber", r.amber());
    p.put("red", r.red());
    p.put("breaches", r.breaches());
    p.put("openPlans", r.openPlans());
    p.put("spi", r.spi());
    p.put("cpi", r.cpi());
    p.put("bac", r.bac());
    p.put("generatedBy", r.generatedBy());
    p.put("generatedAt", r.generatedAt());
    return p;
  }

  Optional<PeriodicReport> get(long id) {
    return jdbc.sql("select " + COLUMNS + " from performance_report where id = :id").param("id", id)
        .query(PeriodicReport.class).optional();
  }

  Optional<PeriodicReport> find(String kind, java.time.LocalDate periodStart) {
    return jdbc.sql("select " + COLUMNS + " from performance_report where kind = :kind and period_start = :start")
        .param("kind", kind).param("start", periodStart).query(PeriodicReport.class).optional();
  }

  java.util.List<Long> idsOfProcess(String processInstanceId) {
    return jdbc.sql("select id from performance_report where process_instance_id = :pi order by id")
        .param("pi", processInstanceId).query(Long.class).list();
  }

  /** The stored HTML page or CSV of a report ({@code column} is the code's: html or csv). */
  Optional<String> document(long id, String column) {
    return jdbc.sql("select " + column + " from performance_report where id = :id").param("id", id)
        .query(String.class).optional();
  }

  Page<PeriodicReport> list(SqlFilter filter, PageRequest page) {
    return filter.page(jdbc, "select " + COLUMNS, "performance_report", "period_start desc, id desc", page,
        PeriodicReport.class);
  }
}
