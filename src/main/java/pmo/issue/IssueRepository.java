package pmo.issue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import pmo.platform.ConflictException;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.ReadRule;
import pmo.platform.Roles;
import pmo.platform.RowLocks;
import pmo.platform.SqlFilter;
import pmo.platform.Viewer;

@Repository
class IssueRepository {

  static final String OPEN = "status in ('OPEN', 'TRIAGED', 'ESCALATED')";

  private final JdbcClient jdbc;
  private final RowLocks locks;

  IssueRepository(JdbcClient jdbc, RowLocks locks) {
    this.jdbc = jdbc;
    this.locks = locks;
  }

  long insert(NewIssue i, IssueSeverity severity, String raisedBy, OffsetDateTime dueAt, String processInstanceId,
      OffsetDateTime now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into issue (project_id, title, description, severity, owner, raised_by, raised_from_risk_id, due_at,
                               status, process_instance_id, created_at, updated_at)
            values (:project, :title, :description, :severity, :owner, :raisedBy, :risk, :dueAt, :status, :pi, :now,
                    :now)""")
        .param("project", i.projectId())
        .param("title", i.title())
        .param("description", i.description())
        .param("severity", severity.name())
        .param("owner", i.owner())
        .param("raisedBy", raisedBy)
        .param("risk", i.raisedFromRiskId())
        .param("dueAt", dueAt)
        .param("status", IssueStatus.OPEN.name())
        .param("pi", processInstanceId)
        .param("now", now)
        .update(key, "id");
    return key.getKey().longValue();
  }

  Optional<Issue> find(long id) {
    return jdbc.sql("select * from issue where id = :id").param("id", id).query(Issue.class).optional();
  }

  /** Reads an issue and locks its row until the transaction ends (a process step and a cancellation queue up). */
  Optional<Issue> lock(long id) {
    return jdbc.sql("select * from issue where id = :id " + locks.forUpdate()).param("id", id).query(Issue.class).optional();
  }

  Optional<Long> idOfProcess(String processInstanceId) {
    return jdbc.sql("select id from issue where process_instance_id = :pi").param("pi", processInstanceId)
        .query(Long.class).optional();
  }

  List<Issue> openOfProject(long projectId) {
    return jdbc.sql("select * from issue where project_id = :project and " + OPEN + " order by id")
        .param("project", projectId).query(Issue.class).list();
  }

  /**
   * Updates the given columns of an issue that is still at {@code version}; {@code columns} maps column names (fixed
   * by the callers in this package, never user input) to values.
   */
  void update(Issue issue, Map<String, Object> columns, OffsetDateTime now) {
    StringBuilder set = new StringBuilder();
    columns.keySet().forEach(column -> set.append(column).append(" = :").append(column).append(", "));
    int rows = jdbc.sql("update issue set " + set + "updated_at = :now, row_version = row_version + 1"
            + " where id = :id and row_version = :version")
        .params(columns)
        .param("now", now)
        .param("id", issue.id())
        .param("version", issue.rowVersion())
        .update();
    if (rows != 1) {
      throw new ConflictException("issue " + issue.id() + " was changed by someone else meanwhile; reload and retry");
    }
  }

  /**
   * Who reads which issues: the PMO, auditors and the steering committee (who decides escalations) all of them;
   * everybody else those they raised or own and those of the projects they manage or sponsor.
   */
  static final ReadRule READ = new ReadRule(Set.of(Roles.PMO, Roles.AUDITORS, Roles.STEERING_COMMITTEE), "issue",
      "raised_by = :viewer", "owner = :viewer", ReadRule.OWN_PROJECT);

  boolean sees(long id, Viewer viewer) {
    return READ.sees(jdbc, id, viewer);
  }

  Page<Issue> list(IssueFilter f, OffsetDateTime now, PageRequest page, Viewer viewer) {
    return READ.restrict(new SqlFilter(), viewer)
        .and("project_id = :project", "project", f.projectId())
        .and("severity = :severity", "severity", f.severity())
        .and("status = :status", "status", f.status())
        .and("owner = :owner", "owner", f.owner())
        .and(OPEN + " and due_at < :now", "now", Boolean.TRUE.equals(f.overdue()) ? now : null)
        .and("(due_at >= :notBefore or not " + OPEN + ")", "notBefore", Boolean.FALSE.equals(f.overdue()) ? now : null)
        .pageById(jdbc, "select *", "issue", "id", page, Issue.class, Issue::id);
  }

  /** Open issues of a project, and how many of them are critical. */
  IssueLog.OpenIssues openIssues(long projectId) {
    return jdbc.sql("""
            select count(*) as open_issues,
                   coalesce(sum(case when severity = 'CRITICAL' then 1 else 0 end), 0) as critical_issues
              from issue where project_id = :project and """ + " " + OPEN)
        .param("project", projectId)
        .query((rs, n) -> new IssueLog.OpenIssues(rs.getLong(1), rs.getLong(2)))
        .single();
  }
}
