package pmo.platform.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes the engine's own schema lacks for what this application does all the time, created when the engine has been
 * built: its schema exists by then, also on a first start against an empty database (Flyway runs before the engine
 * and cannot create them). {@code create index if not exists}, so every start (and every node of a cluster) may run
 * them.
 *
 * <ul>
 *   <li>{@code ACT_RU_TASK(PARENT_TASK_ID_)}: completing a task looks for its subtasks, and without the index every
 *   completion reads all open tasks (9.4× slower with 10× the open tasks, issue 15).</li>
 *   <li>PostgreSQL: {@code ACT_RU_AUTHORIZATION(TYPE_, USER_ID_, GROUP_ID_) WHERE TYPE_ = 2}, the revoke authorizations
 *   only, and statistics of {@code (TYPE_, GROUP_ID_)} together (grants name groups, the four-eyes rule's revokes name
 *   users; taken as independent columns, the planner expected thousands of group revokes and scanned the table).
 *   Every authenticated command asks whether the user or their groups have any revoke authorization (Camunda's
 *   {@code authorizationCheckRevokes: auto}); answered from the groups' rows, that question grew with the open tasks,
 *   as the engine grants task work by an authorization per task and candidate group. The four-eyes rule revokes each
 *   open four-eyes task from its parties ({@code GovernanceTaskListener}), so revokes grow with those tasks too;
 *   {@link AuthorizedGroups} therefore asks for the user's and the groups' revokes separately, each answered by an
 *   index.</li>
 *   <li>{@code ACT_RU_AUTHORIZATION(RESOURCE_TYPE_, TYPE_)}: a query of a user who is not an administrator joins the
 *   grants of the user and their groups on one resource type (the process definitions for history). The engine's own
 *   indexes lead with the grant type, the user or the group, or the resource id; none fits, so a query returning more
 *   than a few rows had PostgreSQL scan every authorization, most of them the open tasks' (80,000 with 40,000 open
 *   tasks: 30 ms for the variable history of a project's timeline, against 0.5 ms through this index, issue 15).</li>
 *   <li>{@code ACT_RU_JOB(DUEDATE_)} (PostgreSQL: of the jobs with retries left and not suspended only): the job
 *   executor asks for jobs whose due date is missing or passed every time a job is created and whenever it wakes up,
 *   and every risk, issue, change request and status report has a timer waiting for its deadline. Without the index
 *   PostgreSQL read every job for it: 0.6 ms with 540 timers waiting, 155–460 ms with 200,000 (the risks of issue 15's
 *   scale), several times per case; through it, 0.02–0.04 ms (both branches of the "missing or passed" read from the
 *   index).</li>
 * </ul>
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

  /** An index and the databases it is for (Camunda's database type names; null for all). */
  record Index(String name, String definition, String databaseType) {
  }

  static final List<Index> INDEXES = List.of(
      new Index("PMO_IDX_TASK_PARENT", "%sACT_RU_TASK (PARENT_TASK_ID_)", null),
      new Index("PMO_IDX_AUTH_REVOKE", "%sACT_RU_AUTHORIZATION (TYPE_, USER_ID_, GROUP_ID_) where TYPE_ = 2",
          "postgres"),
      new Index("PMO_IDX_AUTH_RESOURCE_TYPE", "%sACT_RU_AUTHORIZATION (RESOURCE_TYPE_, TYPE_)", null),
      new Index("PMO_IDX_JOB_DUE", "%sACT_RU_JOB (DUEDATE_) where RETRIES_ > 0 and SUSPENSION_STATE_ = 1", "postgres"),
      new Index("PMO_IDX_JOB_DUE", "%sACT_RU_JOB (DUEDATE_)", "h2"));

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String type = configuration.getDatabaseType();
    String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      for (Index index : INDEXES) {
        if (index.databaseType() == null || index.databaseType().equals(type)) {
          statement.execute("create index if not exists " + index.name() + " on "
              + String.format(index.definition(), prefix));
        }
      }
      if ("postgres".equals(type)) {
        // grants name groups, revokes (the four-eyes rule's) name users: without statistics of the two columns
        // together the planner takes them as independent, expects thousands of group revokes and scans the table
        statement.execute("create statistics if not exists PMO_STAT_AUTH_TYPE_GROUP (mcv) on TYPE_, GROUP_ID_ from "
            + prefix + "ACT_RU_AUTHORIZATION");
        // the planner takes a new partial index only once it has statistics of it (autovacuum analyses later)
        statement.execute("analyze " + prefix + "ACT_RU_AUTHORIZATION");
        statement.execute("analyze " + prefix + "ACT_RU_JOB");
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the engine's additional indexes: " + e.getMessage(), e);
    }
    log.debug("engine indexes in place: {}", INDEXES.stream().map(Index::name).toList());
  }
}
