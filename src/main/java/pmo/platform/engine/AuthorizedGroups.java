package pmo.platform.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization checks without their first query. Before checking anything, every authenticated command
 * of Camunda 7 runs {@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION} to learn which groups have any
 * authorization at all, and then checks only the user's groups among them. That query reads the whole table, which
 * holds an authorization per open task and candidate (the engine grants task work that way), so its cost grows with the
 * open tasks: 9.5× with 10× the tasks (issue 15). Checking all of the user's groups gives the same answer (a group
 * without authorizations matches none), and our users have a handful of groups, so the query is left out.
 *
 * <p>Then, in Camunda's default mode ({@code authorizationCheckRevokes: auto}), it asks whether the user or one of
 * their groups has any revoke authorization, in one query with an {@code OR} of both that the planner answers with a
 * scan of the table once the revokes are many (the four-eyes rule revokes each open four-eyes task from its parties).
 * Asked as two questions, each is one look-up in an index (the engine's unique indexes by type and user, and by type
 * and group, or {@link EngineIndexes}' index of the revokes).
 *
 * <p>Registered as the engine's session factory for {@link AuthorizationManager} (a session is made per command);
 * everything else of the authorization manager is Camunda's.
 */
final class AuthorizedGroups extends AuthorizationManager {

  @Override
  public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
    if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
      return EMPTY_LIST;
    }
    return new ArrayList<>(authenticatedGroupIds);
  }

  /** Whether the user has a revoke authorization (theirs or everybody's); one index look-up. */
  static final String USER_REVOKES = "select 1 from %sACT_RU_AUTHORIZATION where TYPE_ = 2 and USER_ID_ in (?, '*')"
      + " fetch first 1 rows only";
  /** Whether one of the groups has a revoke authorization; one index look-up per group. */
  static final String GROUP_REVOKES = "select 1 from %sACT_RU_AUTHORIZATION where TYPE_ = 2 and GROUP_ID_ in (%s)"
      + " fetch first 1 rows only";

  @Override
  protected boolean isRevokeAuthCheckEnabled(String userId, List<String> groupIds) {
    String mode = Context.getProcessEngineConfiguration().getAuthorizationCheckRevokes();
    if (isRevokeAuthCheckUsed == null
        && (mode == null || ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO.equalsIgnoreCase(mode))) {
      isRevokeAuthCheckUsed = anyRevoke(userId, filterAuthenticatedGroupIds(groupIds));
    }
    return super.isRevokeAuthCheckEnabled(userId, groupIds);
  }

  private static boolean anyRevoke(String userId, List<String> groupIds) {
    String prefix = Context.getProcessEngineConfiguration().getDatabaseTablePrefix();
    prefix = prefix == null ? "" : prefix;
    Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
    return exists(connection, String.format(USER_REVOKES, prefix), userId == null ? List.of("*") : List.of(userId))
        || !groupIds.isEmpty() && exists(connection, String.format(GROUP_REVOKES, prefix,
            String.join(", ", Collections.nCopies(groupIds.size(), "?"))), groupIds);
  }

  private static boolean exists(Connection connection, String sql, List<String> parameters) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setMaxRows(1);
      for (int i = 0; i < parameters.size(); i++) {
        statement.setString(i + 1, parameters.get(i));
      }
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next();
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("could not check for revoke authorizations", e);
    }
  }

  /** Makes the engine use {@link AuthorizedGroups} wherever it asks for its authorization manager. */
  static final class Factory implements SessionFactory {

    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new AuthorizedGroups();
    }
  }
}
