package pmo.improvement.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the engine's history of a batch of process instances in a few set-based queries over its tables, each served
 * by one of the engine's own indexes (ACT_HI_PROCINST by id, ACT_HI_ACTINST by process instance, ACT_HI_IDENTITYLINK
 * by task, ACT_HI_VARINST by process instance and name). The engine's query API would need one query per instance, and
 * it returns at most 2000 rows to a signed-in user; the indexer reads whole batches as the system.
 */
@Component
class EngineHistory {

  /** A process instance of the history: its definition, business key, start, end (null while it runs), state. */
  record ProcessRun(String id, String definitionId, String businessKey, Instant start, Instant end, String state) {

    boolean completed() {
      return "COMPLETED".equals(state);
    }
  }

  private final JdbcClient jdbc;

  EngineHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Map<String, ProcessRun> processes(Collection<String> ids) {
    Map<String, ProcessRun> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    jdbc.sql("""
            select ID_, PROC_DEF_ID_, BUSINESS_KEY_, START_TIME_, END_TIME_, STATE_
              from ACT_HI_PROCINST where ID_ in (:ids)""")
        .param("ids", ids)
        .query((rs, i) -> new ProcessRun(rs.getString("ID_"), rs.getString("PROC_DEF_ID_"),
            rs.getString("BUSINESS_KEY_"), instant(rs, "START_TIME_"), instant(rs, "END_TIME_"),
            rs.getString("STATE_")))
        .list().forEach(p -> found.put(p.id(), p));
    return found;
  }

  /** The activity instances of each process instance. */
  Map<String, List<ActivityRun>> activities(Collection<String> processInstanceIds) {
    Map<String, List<ActivityRun>> byInstance = new HashMap<>();
    if (processInstanceIds.isEmpty()) {
      return byInstance;
    }
    jdbc.sql("""
            select ID_, PROC_INST_ID_, EXECUTION_ID_, ACT_ID_, ACT_TYPE_, TASK_ID_, START_TIME_, END_TIME_,
                   ACT_INST_STATE_, SEQUENCE_COUNTER_
              from ACT_HI_ACTINST where PROC_INST_ID_ in (:ids)""")
        .param("ids", processInstanceIds)
        .query((ResultSet rs) -> {
          byInstance.computeIfAbsent(rs.getString("PROC_INST_ID_"), id -> new java.util.ArrayList<>())
              .add(new ActivityRun(rs.getString("ID_"), rs.getString("EXECUTION_ID_"), rs.getString("ACT_ID_"),
                  rs.getString("ACT_TYPE_"), rs.getString("TASK_ID_"), instant(rs, "START_TIME_"),
                  instant(rs, "END_TIME_"), rs.getInt("ACT_INST_STATE_") == CANCELED,
                  rs.getLong("SEQUENCE_COUNTER_")));
        });
    return byInstance;
  }

  /** The engine's ActivityInstanceState.CANCELED. */
  private static final int CANCELED = 2;

  /** When each of these user tasks was first assigned (claimed or given an assignee); absent when never. */
  Map<String, Instant> firstAssigned(Collection<String> taskIds) {
    Map<String, Instant> found = new HashMap<>();
    if (taskIds.isEmpty()) {
      return found;
    }
    jdbc.sql("""
            select TASK_ID_, min(TIMESTAMP_) as ASSIGNED_
              from ACT_HI_IDENTITYLINK
             where TASK_ID_ in (:ids) and TYPE_ = 'assignee' and OPERATION_TYPE_ = 'add'
             group by TASK_ID_""")
        .param("ids", taskIds)
        .query((ResultSet rs) -> {
          found.put(rs.getString("TASK_ID_"), instant(rs, "ASSIGNED_"));
        });
    return found;
  }

  /**
   * The values of the named variables of each process instance (numbers as Long, text as String), the instance's own
   * scope first.
   */
  Map<String, Map<String, Object>> variables(Collection<String> processInstanceIds, Collection<String> names) {
    Map<String, Map<String, Object>> found = new HashMap<>();
    if (processInstanceIds.isEmpty()) {
      return found;
    }
    jdbc.sql("""
            select PROC_INST_ID_, EXECUTION_ID_, NAME_, VAR_TYPE_, LONG_, DOUBLE_, TEXT_
              from ACT_HI_VARINST where PROC_INST_ID_ in (:ids) and NAME_ in (:names)""")
        .param("ids", processInstanceIds)
        .param("names", names)
        .query((ResultSet rs) -> {
          String instance = rs.getString("PROC_INST_ID_");
          Object value = switch (String.valueOf(rs.getString("VAR_TYPE_"))) {
            case "long", "integer", "short" -> rs.getObject("LONG_") == null ? null : rs.getLong("LONG_");
            case "double" -> rs.getObject("DOUBLE_") == null ? null : Math.round(rs.getDouble("DOUBLE_"));
            case "string" -> rs.getString("TEXT_");
            default -> null;
          };
          boolean own = instance.equals(rs.getString("EXECUTION_ID_"));
          Map<String, Object> values = found.computeIfAbsent(instance, id -> new HashMap<>());
          if (value != null && (own || !values.containsKey(rs.getString("NAME_")))) {
            values.put(rs.getString("NAME_"), value);
          }
        });
    return found;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp time = rs.getTimestamp(column);
    return time == null ? null : time.toInstant();
  }
}
