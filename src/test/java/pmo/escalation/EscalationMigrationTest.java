package pmo.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import pmo.TestDatabase;

/**
 * V60 on a database that the old schema (up to V50) filled: the reminders and escalations of change requests move
 * from change_escalation into escalation, the records of risks and issues get their kind and trigger, and the new
 * rules hold. Runs the real migrations with Flyway on a fresh H2 database and, when the tests use PostgreSQL, in a
 * fresh schema of it; no Spring context.
 */
class EscalationMigrationTest {

  private static final OffsetDateTime T = OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.UTC);

  @Test
  void oldEscalationsEndUpInTheOneTableOnH2() {
    migrate(new DriverManagerDataSource("jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa",
        ""), "h2");
  }

  @Test
  void oldEscalationsEndUpInTheOneTableOnPostgres() throws SQLException {
    if (!TestDatabase.isPostgres()) {
      return; // the H2 case above still runs
    }
    String url = System.getenv("PMO_TEST_DB_URL");
    String user = System.getenv("PMO_TEST_DB_USER");
    String password = System.getenv("PMO_TEST_DB_PASSWORD") == null ? "" : System.getenv("PMO_TEST_DB_PASSWORD");
    String schema = "migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    DataSource admin = new DriverManagerDataSource(url, user, password);
    JdbcClient.create(admin).sql("create schema " + schema).update();
    try {
      migrate(new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user,
          password), "postgresql");
    } finally {
      JdbcClient.create(admin).sql("drop schema " + schema + " cascade").update();
    }
  }

  private void migrate(DataSource database, String vendor) {
    Flyway.configure().dataSource(database).locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
        .target("50").load().migrate();
    JdbcClient jdbc = JdbcClient.create(database);
    long project = insert(jdbc, """
        insert into project (code, name, sponsor, manager, category, stage, status, rag, created_at, updated_at)
        values ('MIG', 'Migration', 'sam', 'paula', 'IT', 'EXECUTION', 'ACTIVE', 'GREEN', :t, :t)""");
    long request = insert(jdbc, """
        insert into change_request (project_id, title, description, reason, change_type, requester, status,
                                    cost_delta, schedule_delta_days, quality_impact, process_instance_id, created_at,
                                    updated_at)
        values (:project, 'More reports', 'Regional reports', 'Regions', 'NORMAL', 'rita', 'IN_APPROVAL', 1000, 0,
                'NONE', 'pi-1', :t, :t)""".replace(":project", String.valueOf(project)));
    String oldChange = """
        insert into change_escalation (change_request_id, kind, stage, open_since, waiting_for, escalated_to, reason,
                                       recorded_by, recorded_at)
        values (%d, '%s', 'PMO', :t, 'olga, oscar', %s, '%s', 'system', :t)""";
    insert(jdbc, oldChange.formatted(request, "REMINDER", "null", "The PMO approval of CR-" + request
        + " has been open since 2026-03-02T09:00Z, longer than P3D; waiting for olga, oscar"));
    insert(jdbc, oldChange.formatted(request, "ESCALATION", "'pmo'", "The PMO approval of CR-" + request
        + " has been open since 2026-03-02T09:00Z, longer than P5D; waiting for olga, oscar"));
    String oldRecord = """
        insert into escalation (entity_type, entity_id, project_id, level, escalated_to, escalated_to_type, rule,
                                missed_deadline, reason, respond_by, escalated_at, escalated_by)
        values ('%s', 7, %d, %d, '%s', 'GROUP', '%s', null, '%s', :t, :t, 'system')""";
    insert(jdbc, oldRecord.formatted("RISK", project, 1, "pmo", "risk-escalation-level/REPORT_OVERDUE",
        "the residual assessment was not reported by 2026-03-01T00:00Z (risk HIGH)"));
    insert(jdbc, oldRecord.formatted("RISK", project, 2, "steering-committee", "risk-escalation-level/ESCALATED_BY_PMO",
        "escalated by the PMO: Budget decision needed"));
    insert(jdbc, oldRecord.formatted("ISSUE", project, 1, "pmo", "pmo.issue.sla.critical = PT8H",
        "not resolved within the SLA of a CRITICAL issue (PT8H), due 2026-03-01T17:00Z"));

    Flyway.configure().dataSource(database).locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
        .load().migrate();

    assertThat(tableExists(database, "change_escalation")).isFalse();
    List<Escalation> change = jdbc.sql("select * from escalation where entity_type = 'CHANGE_REQUEST' order by id")
        .query(Escalation.class).list();
    assertThat(change).hasSize(2);
    Escalation reminder = change.get(0);
    assertThat(reminder.entityId()).isEqualTo(request);
    assertThat(reminder.projectId()).isEqualTo(project);
    assertThat(reminder.kind()).isEqualTo(EscalationKind.REMINDER);
    assertThat(reminder.trigger()).isEqualTo(EscalationTrigger.APPROVAL_REMINDER);
    assertThat(reminder.level()).isZero();
    assertThat(reminder.escalatedTo()).isNull();
    assertThat(reminder.escalatedToType()).isNull();
    assertThat(reminder.rule()).isEqualTo("pmo.change.reminder-after");
    assertThat(reminder.waitingFor()).isEqualTo("olga, oscar");
    assertThat(reminder.reason()).contains("PMO approval of CR-" + request, "open since 2026-03-02T09:00Z");
    assertThat(reminder.respondBy()).isNull();
    assertThat(reminder.escalatedAt().toInstant()).isEqualTo(T.toInstant());
    assertThat(reminder.escalatedBy()).isEqualTo("system");
    Escalation escalation = change.get(1);
    assertThat(escalation.kind()).isEqualTo(EscalationKind.ESCALATION);
    assertThat(escalation.trigger()).isEqualTo(EscalationTrigger.APPROVAL_OVERDUE);
    assertThat(escalation.level()).isEqualTo(1);
    assertThat(escalation.escalatedTo()).isEqualTo("pmo");
    assertThat(escalation.escalatedToType()).isEqualTo("GROUP");

    assertThat(jdbc.sql("select * from escalation where entity_type <> 'CHANGE_REQUEST' order by id")
        .query(Escalation.class).list())
        .extracting(e -> e.entityType() + " " + e.kind() + " " + e.trigger() + " " + e.level())
        .containsExactly("RISK ESCALATION REPORT_OVERDUE 1", "RISK ESCALATION PMO_ESCALATED 2",
            "ISSUE ESCALATION SLA_BREACHED 1");

    // the new rules: a reminder has level 0 and no target, an escalation a target and a level of 1 or more
    String newRecord = """
        insert into escalation (entity_type, entity_id, project_id, kind, trigger, level, escalated_to,
                                escalated_to_type, rule, reason, escalated_at, escalated_by)
        values ('CHANGE_REQUEST', 1, %d, '%s', 'APPROVAL_REMINDER', %d, %s, %s, 'rule', 'reason', :t, 'system')""";
    assertThatThrownBy(() -> insert(jdbc, newRecord.formatted(project, "REMINDER", 1, "null", "null")))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> insert(jdbc, newRecord.formatted(project, "ESCALATION", 1, "null", "null")))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> insert(jdbc, newRecord.formatted(project, "ESCALATION", 0, "'pmo'", "'GROUP'")))
        .isInstanceOf(DataIntegrityViolationException.class);
    insert(jdbc, newRecord.formatted(project, "REMINDER", 0, "null", "null"));
  }

  private static long insert(JdbcClient jdbc, String sql) {
    var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql(sql).param("t", T).update(key, "id");
    return key.getKey().longValue();
  }

  private static boolean tableExists(DataSource database, String table) {
    try (Connection connection = database.getConnection();
        var tables = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), null,
            new String[] {"TABLE"})) {
      while (tables.next()) {
        if (table.equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
          return true;
        }
      }
      return false;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
