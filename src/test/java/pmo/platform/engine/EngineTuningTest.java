package pmo.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import pmo.IntegrationTest;
import pmo.TestDatabase;
import pmo.platform.Roles;
import pmo.risk.RiskProcess;

/**
 * The engine as tuned for throughput (issue 15): the indexes its schema lacks exist, also after a first start on an
 * empty database, and serve the queries they are for; the authorization checks skip the scan of every authorization's
 * group and still refuse what they refused before, revoke authorizations included.
 */
class EngineTuningTest extends IntegrationTest {

  @Test
  void theEngineHasTheIndexesItLacks() throws SQLException {
    ProcessEngineConfigurationImpl configuration = configuration();
    try (Connection connection = configuration.getDataSource().getConnection()) {
      assertThat(indexes(connection)).containsAll(expected(configuration.getDatabaseType()));
    }
  }

  @Test
  void aFirstStartOnAnEmptyDatabaseCreatesThem() throws SQLException {
    // an engine with no schema yet: H2 in memory, or a new PostgreSQL database on the test server
    String url = "jdbc:h2:mem:engine-indexes-" + unique() + ";DB_CLOSE_DELAY=-1";
    String user = "sa";
    String password = "";
    String fresh = null;
    if (TestDatabase.isPostgres()) {
      String testUrl = System.getenv("PMO_TEST_DB_URL");
      String server = testUrl.substring(0, testUrl.lastIndexOf('/') + 1);
      user = System.getenv("PMO_TEST_DB_USER");
      password = System.getenv("PMO_TEST_DB_PASSWORD") == null ? "" : System.getenv("PMO_TEST_DB_PASSWORD");
      fresh = "pmo_engine_indexes_" + unique().toLowerCase(Locale.ROOT);
      try (Connection admin = DriverManager.getConnection(testUrl, user, password);
          Statement statement = admin.createStatement()) {
        statement.execute("create database " + fresh);
      }
      url = server + fresh;
    }
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("engine-indexes-" + unique());
    configuration.setJdbcUrl(url);
    configuration.setJdbcUsername(user);
    configuration.setJdbcPassword(password);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEnginePlugins(new ArrayList<>(List.of(new EngineIndexes())));
    ProcessEngine built = configuration.buildProcessEngine();
    try (Connection connection = DriverManager.getConnection(url, user, password)) {
      assertThat(indexes(connection)).containsAll(expected(configuration.getDatabaseType()));
    } finally {
      built.close();
      if (fresh != null) {
        try (Connection admin = DriverManager.getConnection(System.getenv("PMO_TEST_DB_URL"), user, password);
            Statement statement = admin.createStatement()) {
          statement.execute("drop database if exists " + fresh + " with (force)");
        }
      }
    }
  }

  @Test
  void withManyOpenTasksTheIndexesServeTheirQueries() throws SQLException {
    if (!TestDatabase.isPostgres()) {
      return; // the plans are PostgreSQL's
    }
    try (Connection connection = configuration().getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      try {
        // 20,000 open tasks, each with the authorization the engine grants a candidate group, in this transaction only
        statement.execute("""
            insert into ACT_RU_TASK (ID_, REV_, NAME_, PRIORITY_, CREATE_TIME_, SUSPENSION_STATE_)
            select 'engine-tuning-' || i, 1, 'open task', 50, now(), 1 from generate_series(1, 20000) i""");
        statement.execute("""
            insert into ACT_RU_AUTHORIZATION (ID_, TYPE_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_, REV_)
            select 'engine-tuning-' || i, 1, 'pmo', 7, 'engine-tuning-' || i, 2, 1 from generate_series(1, 20000) i""");
        // and, for half of them, the revoke the four-eyes rule gives one party of the task
        statement.execute("""
            insert into ACT_RU_AUTHORIZATION (ID_, TYPE_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_, REV_)
            select 'engine-tuning-revoke-' || i, 2, 'party-' || i, 7, 'engine-tuning-' || i, 0, 1
              from generate_series(1, 10000) i""");
        statement.execute("analyze ACT_RU_TASK");
        statement.execute("analyze ACT_RU_AUTHORIZATION");
        // a completion's look-up of the task's subtasks, and the revoke check of every authenticated command
        assertThat(plan(statement, "select * from ACT_RU_TASK where PARENT_TASK_ID_ = 'x'"))
            .containsIgnoringCase("pmo_idx_task_parent");
        // (the engine's one query with an OR of both was a table scan here)
        assertThat(plan(statement, String.format(AuthorizedGroups.USER_REVOKES, "").replace("?", "'party-7'")))
            .containsIgnoringCase("index").doesNotContainIgnoringCase("seq scan");
        assertThat(plan(statement, String.format(AuthorizedGroups.GROUP_REVOKES, "", "'pmo', 'requesters'")))
            .containsIgnoringCase("index").doesNotContainIgnoringCase("seq scan");
        // the grants of a user and their groups on process definitions, joined by every history query of a user who
        // is not an administrator
        assertThat(plan(statement, "select * from ACT_RU_AUTHORIZATION A where A.TYPE_ < 2"
            + " and (A.USER_ID_ in ('x', '*') or A.GROUP_ID_ in ('auditors')) and A.RESOURCE_TYPE_ = 6"
            + " and A.PERMS_ & 4096 = 4096"))
            .containsIgnoringCase("pmo_idx_auth_resource_type");
        // 20,000 timers waiting for their deadlines: the job executor's look-up of due jobs reads the due ones (and
        // those without a due date) through the index, not every job
        statement.execute("""
            insert into ACT_RU_JOB (ID_, REV_, TYPE_, RETRIES_, DUEDATE_, SUSPENSION_STATE_, EXCLUSIVE_, PRIORITY_,
                PROCESS_INSTANCE_ID_, CREATE_TIME_)
            select 'engine-tuning-job-' || i, 1, 'timer', 3, now() + interval '30 days', 1, true, 0,
                'engine-tuning-pi-' || i, now() from generate_series(1, 20000) i""");
        statement.execute("analyze ACT_RU_JOB");
        assertThat(plan(statement, ACQUISITION)).containsIgnoringCase("pmo_idx_job_due")
            .doesNotContainIgnoringCase("seq scan on act_ru_job res");
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    }
  }

  @Test
  void theRevokeQuestionIsAnsweredForTheUserAndForTheirGroups() {
    org.camunda.bpm.engine.AuthorizationService authorizations = engine.getAuthorizationService();
    String party = "party-" + unique();
    String group = "group-" + unique();
    java.util.function.BiFunction<String, List<String>, Boolean> revokes = (user, groups) -> configuration()
        .getCommandExecutorTxRequired().execute(c -> ((AuthorizedGroups) c.getAuthorizationManager())
            .isRevokeAuthCheckEnabled(user, groups));
    assertThat(revokes.apply(party, List.of(group))).isFalse();
    for (boolean byUser : List.of(true, false)) {
      org.camunda.bpm.engine.authorization.Authorization revoke = authorizations.createNewAuthorization(
          org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE);
      if (byUser) {
        revoke.setUserId(party);
      } else {
        revoke.setGroupId(group);
      }
      revoke.setResource(org.camunda.bpm.engine.authorization.Resources.TASK);
      revoke.setResourceId("some-task-" + unique());
      revoke.removePermission(org.camunda.bpm.engine.authorization.Permissions.READ);
      String id = authorizations.saveAuthorization(revoke).getId();
      try {
        assertThat(revokes.apply(party, List.of(group))).isTrue();
        assertThat(revokes.apply("someone-else", List.of("another-group"))).isFalse();
      } finally {
        authorizations.deleteAuthorization(id);
      }
    }
  }

  @Test
  void authorizationChecksTakeTheUsersGroupsAsTheyAre() {
    AuthorizationManager manager = configuration().getCommandExecutorTxRequired()
        .execute(context -> context.getAuthorizationManager());
    assertThat(manager).isInstanceOf(AuthorizedGroups.class);
    assertThat(manager.filterAuthenticatedGroupIds(List.of("pmo", "no-such-group")))
        .containsExactlyInAnyOrder("pmo", "no-such-group");
    assertThat(manager.filterAuthenticatedGroupIds(List.of())).isEmpty();
  }

  @Test
  void aRevokeAuthorizationStillRevokes() {
    String user = user("revoked-" + unique(), Roles.REQUESTERS);
    var authorizations = engine.getAuthorizationService();
    Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId(user);
    revoke.setResource(Resources.PROCESS_DEFINITION);
    revoke.setResourceId(RiskProcess.KEY);
    revoke.removePermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
    authorizations.saveAuthorization(revoke);
    try {
      Throwable refused = failureOf(() -> start(user, RiskProcess.KEY, Map.of()));
      assertThat(refused).isInstanceOf(AuthorizationException.class);
      assertThat(refused.getMessage()).contains(ProcessDefinitionPermissions.CREATE_INSTANCE.getName());
    } finally {
      authorizations.deleteAuthorization(revoke.getId());
    }
  }

  /** The job executor's look-up of jobs to run, as Camunda 7.24 writes it for PostgreSQL (our settings). */
  private static final String ACQUISITION = """
      select RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_ from ACT_RU_JOB RES
       where (RES.RETRIES_ > 0) and (RES.DUEDATE_ is null or RES.DUEDATE_ <= now())
         and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < now()) and RES.SUSPENSION_STATE_ = 1
         and ((RES.EXCLUSIVE_ = true and not exists(select J2.ID_ from ACT_RU_JOB J2
               where J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_ and (J2.EXCLUSIVE_ = true)
                 and (J2.LOCK_OWNER_ is not null and J2.LOCK_EXP_TIME_ >= now())))
              or RES.EXCLUSIVE_ = false)
       LIMIT 3""";

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  private static List<String> expected(String databaseType) {
    return EngineIndexes.INDEXES.stream()
        .filter(i -> i.databaseType() == null || i.databaseType().equals(databaseType))
        .map(i -> i.name().toLowerCase(Locale.ROOT)).toList();
  }

  /** The names of the indexes of the engine's tables, lower case. */
  private static List<String> indexes(Connection connection) throws SQLException {
    List<String> names = new ArrayList<>();
    for (String table : List.of("ACT_RU_TASK", "ACT_RU_AUTHORIZATION", "ACT_RU_JOB")) {
      for (String name : List.of(table, table.toLowerCase(Locale.ROOT))) {
        try (ResultSet rs = connection.getMetaData().getIndexInfo(null, null, name, false, false)) {
          while (rs.next()) {
            if (rs.getString("INDEX_NAME") != null) {
              names.add(rs.getString("INDEX_NAME").toLowerCase(Locale.ROOT));
            }
          }
        }
      }
    }
    return names;
  }

  private static String plan(Statement statement, String query) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (ResultSet rs = statement.executeQuery("explain " + query)) {
      while (rs.next()) {
        plan.append(rs.getString(1)).append('\n');
      }
    }
    return plan.toString();
  }
}
