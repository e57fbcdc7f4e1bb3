package pmo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pmo.IntegrationTest;
import pmo.TestDatabase;
import pmo.project.NewProject;
import pmo.project.ProjectService;

/**
 * A list restricted by a read rule reads the reader's own cases through the primary key, newest first, however old
 * they are: it never walks the table in the list's order looking for them (PostgreSQL's plan; H2 has no such choice).
 */
class ReadRulePlanTest extends IntegrationTest {

  @Autowired
  DataSource dataSource;
  @Autowired
  ProjectService projects;

  @Test
  void aProjectManagersOldCasesAreReadByTheirIdsNotByWalkingTheTable() throws SQLException {
    if (!TestDatabase.isPostgres()) {
      return; // the plan is PostgreSQL's
    }
    String manager = user("plan-pm-" + unique(), Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    String other = user("plan-other-pm", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    String sponsor = user("plan-sponsor", Roles.REQUESTERS);
    long project = project(manager, sponsor);
    long otherProject = project(other, sponsor);
    ReadRule rule = new ReadRule(Set.of(Roles.PMO), "risk", "raised_by = :viewer", "owner = :viewer",
        ReadRule.OWN_PROJECT);
    SqlFilter own = rule.restrict(new SqlFilter(), new Viewer(manager, Set.of(Roles.PROJECT_MANAGERS)));
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      try {
        // the manager's 10 risks first, then 20,000 newer ones of other projects, in this transaction only
        statement.execute("""
            insert into risk (project_id, title, category, owner, raised_by, status, created_at, updated_at)
            select %d, 'Old risk ' || i, 'TECHNICAL', 'someone', 'someone', 'RAISED', now(), now()
              from generate_series(1, 10) i""".formatted(project));
        statement.execute("""
            insert into risk (project_id, title, category, owner, raised_by, status, created_at, updated_at)
            select %d, 'Newer risk ' || i, 'TECHNICAL', 'someone else', 'someone else', 'RAISED', now(), now()
              from generate_series(1, 20000) i""".formatted(otherProject));
        statement.execute("analyze risk");
        String plan = plan(connection, "select * from risk" + own.where().replace(":viewer", "?")
            + " order by id desc limit 20", manager);
        assertThat(plan).as(plan).containsIgnoringCase("Index Cond: (id = ANY");
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    }
  }

  private long project(String manager, String sponsor) {
    return projects.register(new NewProject(null, "Plans " + unique(), "A project of the plan", sponsor, manager, "IT",
        null, new BigDecimal("1000.00"), LocalDate.now(), LocalDate.now().plusMonths(1), "Scope")).project().id();
  }

  private static String plan(Connection connection, String query, String viewer) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (PreparedStatement explain = connection.prepareStatement("explain " + query)) {
      int parameters = explain.getParameterMetaData().getParameterCount();
      for (int i = 1; i <= parameters; i++) {
        explain.setString(i, viewer);
      }
      try (ResultSet rs = explain.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
    }
    return plan.toString();
  }
}
