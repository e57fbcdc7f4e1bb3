package pmo.audit;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The process instances of one project, found in the domain tables: every case table keeps the project
 * ({@code project_id}) and the process instance that runs the case ({@code process_instance_id}), so the tables with
 * both columns name all of a project's processes, each through its project index. A capability that adds a case table
 * following that convention appears on the timeline without a change here.
 *
 * <p>This replaces the engine's variable query over every {@code projectId} variable ever written (a scan that grew
 * with all the history of all projects) with look-ups that touch only the project's own rows.
 */
@Component
class ProjectCases {

  /**
   * Tables that name a project and a process instance but are not cases: the audit trail, and the process analytics'
   * record of every instance (pmo.improvement.analytics), whose project is read from the instance's variables (the
   * very look-up this class replaces) and which has no index on the project: a scan of one row per instance ever
   * started, on every timeline.
   */
  private static final Set<String> NOT_CASES = Set.of("audit_event", "analytics_instance");

  private final JdbcClient jdbc;
  private volatile List<String> tables;

  ProjectCases(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The ids of the process instances of the project's cases (the root instances: each case's own process). */
  Set<String> processInstancesOf(long projectId) {
    List<String> caseTables = tables();
    if (caseTables.isEmpty()) {
      return Set.of();
    }
    StringBuilder sql = new StringBuilder();
    for (String table : caseTables) {
      sql.append(sql.isEmpty() ? "" : " union ").append("select process_instance_id from ").append(table)
          .append(" where project_id = :project and process_instance_id is not null");
    }
    return new LinkedHashSet<>(jdbc.sql(sql.toString()).param("project", projectId).query(String.class).list());
  }

  /** The case tables of the schema, read once (Flyway has created them all before anything reads them). */
  List<String> tables() {
    List<String> known = tables;
    if (known == null) {
      known = jdbc.sql("""
              select lower(table_name) from information_schema.columns
               where table_schema = current_schema
                 and lower(column_name) in ('project_id', 'process_instance_id')
               group by table_name having count(*) = 2
               order by 1""")
          .query(String.class).list().stream()
          .filter(table -> !NOT_CASES.contains(table))
          .toList();
      tables = known;
    }
    return known;
  }
}
