package pmo.mycases;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import pmo.platform.PageRequest;

/**
 * Reads a user's cases across the case tables of the capabilities ({@link CaseKind}): one statement for a page (each
 * table's newest {@code offset + size} rows of the user, through an index on the person's column and
 * {@code created_at}, V155; then merged newest first) and one for the count.
 */
@Repository
class MyCasesRepository {

  private final JdbcClient jdbc;
  private final String pageSql;
  private final String countSql;

  MyCasesRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
    List<String> branches = new ArrayList<>();
    List<String> counts = new ArrayList<>();
    for (CaseKind kind : CaseKind.values()) {
      branches.add(branch(kind, "raised", kind.raisedBy + " = :user"));
      counts.add("(select count(*) from " + kind.table + " where " + kind.raisedBy + " = :user)");
      if (kind.owner != null) {
        // a case the user both raised and owns is listed once, as raised
        String owned = kind.owner + " = :user and (" + kind.raisedBy + " is null or " + kind.raisedBy + " <> :user)";
        branches.add(branch(kind, "owner", owned));
        counts.add("(select count(*) from " + kind.table + " where " + owned + ")");
      }
    }
    this.pageSql = "select c.*, p.code as project_code, p.name as project_name from ("
        + String.join(" union all ", branches) + ") c left join project p on p.id = c.project_id "
        + "order by c.created_at desc, c.kind, c.id desc limit :size offset :offset";
    this.countSql = "select " + String.join(" + ", counts);
  }

  /**
   * One table's newest rows of the user, as a derived table of its own ({@code select * from (…) alias}): H2 (the
   * embedded default) gave a parenthesised {@code (select … limit)} branch of the union no rows past the first page.
   */
  private static String branch(CaseKind kind, String role, String condition) {
    return "select * from (select '" + kind.name() + "' as kind, '" + role + "' as role, id, title, status, "
        + "project_id, process_instance_id, created_at from " + kind.table + " where " + condition
        + " order by created_at desc, id desc limit :limit) " + kind.name().toLowerCase() + "_" + role;
  }

  /** A row of the page, before the open tasks are added. */
  record Row(CaseKind kind, String role, long id, String title, String status, Long projectId,
      String processInstanceId, OffsetDateTime createdAt, String projectCode, String projectName) {
  }

  List<Row> page(String user, PageRequest page) {
    return jdbc.sql(pageSql)
        .param("user", user)
        .param("limit", page.offset() + page.size())
        .param("size", page.size())
        .param("offset", page.offset())
        .query((rs, n) -> new Row(CaseKind.valueOf(rs.getString("kind")), rs.getString("role"), rs.getLong("id"),
            rs.getString("title"), rs.getString("status"), (Long) rs.getObject("project_id", Long.class),
            rs.getString("process_instance_id"), rs.getObject("created_at", OffsetDateTime.class),
            rs.getString("project_code"), rs.getString("project_name")))
        .list();
  }

  long count(String user) {
    return jdbc.sql(countSql).param("user", user).query(Long.class).single();
  }
}
