package pmo.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Every engine row of one real process instance, read once and then written again many times with new ids: the way the
 * scale data gets open tasks and historic process instances the engine accepts as its own. The template is a process
 * instance the engine itself started (its runtime state: execution, task, identity links, variables, the per-task
 * authorizations; its history: process, activity and task instances, variables and their updates, identity links,
 * operation log, decisions), so a clone is exactly what the engine would have written for another case, and the
 * engine can go on with it (the benchmark completes some cloned tasks to show it).
 *
 * <p>A clone gets a fresh id for every id the template's rows carry (the id of every row, activity instance ids,
 * operation ids); its people, project and title replace the template's; every time moves by the clone's shift. A
 * finished clone keeps only the history, with the open activity and task completed and the process instance
 * {@code COMPLETED}, and its removal time set as the engine's removal-time-based cleanup would.
 */
final class EngineTemplate {

  /** The engine's tables, in the order a clone is written (rows referred to by foreign keys first). */
  private static final List<TableSpec> TABLES = List.of(
      new TableSpec("act_ge_bytearray", false, "id_ in (:bytes)"),
      new TableSpec("act_ru_execution", true, "proc_inst_id_ = :pi"),
      new TableSpec("act_ru_task", true, "proc_inst_id_ = :pi"),
      new TableSpec("act_ru_identitylink", true, "task_id_ in (:tasks)"),
      new TableSpec("act_ru_variable", true, "proc_inst_id_ = :pi"),
      new TableSpec("act_ru_event_subscr", true, "proc_inst_id_ = :pi"),
      new TableSpec("act_ru_job", true, "process_instance_id_ = :pi"),
      new TableSpec("act_ru_authorization", true, "resource_id_ in (:tasks)"),
      new TableSpec("act_hi_procinst", false, "proc_inst_id_ = :pi"),
      new TableSpec("act_hi_actinst", false, "proc_inst_id_ = :pi"),
      new TableSpec("act_hi_taskinst", false, "proc_inst_id_ = :pi"),
      new TableSpec("act_hi_varinst", false, "proc_inst_id_ = :pi"),
      new TableSpec("act_hi_detail", false, "proc_inst_id_ = :pi"),
      new TableSpec("act_hi_identitylink", false, "root_proc_inst_id_ = :pi"),
      new TableSpec("act_hi_op_log", false, "proc_inst_id_ = :pi"),
      new TableSpec("act_hi_decinst", false, "proc_inst_id_ = :pi"),
      new TableSpec("act_hi_dec_in", false, "dec_inst_id_ in (:decisions)"),
      new TableSpec("act_hi_dec_out", false, "dec_inst_id_ in (:decisions)"),
      new TableSpec("act_hi_job_log", false, "process_instance_id_ = :pi"));

  /** Variables the test suite forges into every instance (pmo.ForgedIdVariables); a clone leaves them out. */
  private static final Set<String> FORGED = Set.of("changeRequestId", "riskId", "issueId", "proposalId",
      "gatePackageId", "packageId", "caseId");
  /** How long the engine keeps a finished instance's history (the processes' historyTimeToLive). */
  private static final Duration TIME_TO_LIVE = Duration.ofDays(3650);

  private record TableSpec(String name, boolean runtime, String where) {
  }

  /** The template's rows of one table: column names and values as read. */
  private record Rows(TableSpec spec, List<String> columns, List<Object[]> rows) {

    int column(String name) {
      return columns.indexOf(name);
    }
  }

  /**
   * What one clone is: its number (the seed of its ids), the people, project and title that replace the template's,
   * how far its times move, and whether it is finished (history only) or running (an open task).
   */
  record Clone(long number, Map<String, String> people, long projectId, Map<String, String> text, Duration shift,
      boolean finished, Duration runtime) {
  }

  private final String processInstanceId;
  private final String endActivityId;
  private final List<Rows> tables = new ArrayList<>();
  /** The template's ids, sorted, so that clone n maps them to the same new ids in every table. */
  private final List<String> ids;
  private final long seed;
  private final LocalDateTime started;

  private EngineTemplate(String processInstanceId, String endActivityId, long seed, List<Rows> rows) {
    this.processInstanceId = processInstanceId;
    this.endActivityId = endActivityId;
    this.seed = seed;
    this.tables.addAll(rows);
    Set<String> found = new TreeSet<>();
    for (Rows table : rows) {
      for (String idColumn : List.of("id_", "operation_id_")) {
        int c = table.column(idColumn);
        if (c >= 0) {
          table.rows().forEach(r -> {
            if (r[c] instanceof String s) {
              found.add(s);
            }
          });
        }
      }
    }
    this.ids = List.copyOf(found);
    Rows procinst = rows.stream().filter(t -> t.spec().name().equals("act_hi_procinst")).findFirst().orElseThrow();
    this.started = (LocalDateTime) procinst.rows().get(0)[procinst.column("start_time_")];
  }

  /**
   * Reads every row of the process instance; {@code endActivityId} is where a finished clone says it ended.
   */
  static EngineTemplate read(Connection connection, String processInstanceId, String endActivityId, long seed)
      throws SQLException {
    Map<String, Rows> read = new LinkedHashMap<>();
    Set<String> tasks = new LinkedHashSet<>();
    Set<String> decisions = new LinkedHashSet<>();
    Set<String> bytes = new LinkedHashSet<>();
    for (TableSpec spec : TABLES.subList(1, TABLES.size())) {
      Rows rows = select(connection, spec, processInstanceId, tasks, decisions, bytes);
      if (spec.name().equals("act_ru_task")) {
        rows.rows().forEach(r -> tasks.add((String) r[rows.column("id_")]));
      }
      if (spec.name().equals("act_hi_decinst")) {
        rows.rows().forEach(r -> decisions.add((String) r[rows.column("id_")]));
      }
      int variableName = rows.column("name_");
      if (variableName >= 0 && spec.name().matches("act_(ru_variable|hi_varinst|hi_detail)")) {
        rows.rows().removeIf(r -> FORGED.contains(r[variableName]));
      }
      int byteArray = rows.column("bytearray_id_");
      if (byteArray >= 0) {
        rows.rows().forEach(r -> {
          if (r[byteArray] != null) {
            bytes.add((String) r[byteArray]);
          }
        });
      }
      read.put(spec.name(), rows);
    }
    List<Rows> ordered = new ArrayList<>();
    ordered.add(select(connection, TABLES.get(0), processInstanceId, tasks, decisions, bytes));
    ordered.addAll(read.values());
    sortExecutions(ordered);
    return new EngineTemplate(processInstanceId, endActivityId, seed, ordered);
  }

  private static Rows select(Connection connection, TableSpec spec, String pi, Set<String> tasks,
      Set<String> decisions, Set<String> bytes) throws SQLException {
    String where = spec.where()
        .replace(":pi", "?")
        .replace(":tasks", placeholders(tasks.size()))
        .replace(":decisions", placeholders(decisions.size()))
        .replace(":bytes", placeholders(bytes.size()));
    List<String> params = new ArrayList<>();
    if (spec.where().contains(":pi")) {
      params.add(pi);
    } else if (spec.where().contains(":tasks")) {
      params.addAll(tasks);
    } else if (spec.where().contains(":decisions")) {
      params.addAll(decisions);
    } else {
      params.addAll(bytes);
    }
    try (PreparedStatement select = connection.prepareStatement("select * from " + spec.name() + " where " + where)) {
      for (int i = 0; i < params.size(); i++) {
        select.setString(i + 1, params.get(i));
      }
      try (ResultSet rs = select.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
          columns.add(meta.getColumnName(c).toLowerCase());
        }
        List<Object[]> rows = new ArrayList<>();
        while (rs.next()) {
          Object[] row = new Object[columns.size()];
          for (int c = 1; c <= columns.size(); c++) {
            row[c - 1] = meta.getColumnTypeName(c).equals("timestamp")
                ? rs.getObject(c, LocalDateTime.class) : rs.getObject(c);
          }
          rows.add(row);
        }
        return new Rows(spec, columns, rows);
      }
    }
  }

  /** Nothing to find: a condition no row meets, so an empty list needs no special case. */
  private static String placeholders(int n) {
    return n == 0 ? "null" : String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  /** Executions refer to their parent: the process instance first, then each child after its parent. */
  private static void sortExecutions(List<Rows> tables) {
    for (Rows t : tables) {
      if (t.spec().name().equals("act_ru_execution")) {
        int id = t.column("id_");
        int parent = t.column("parent_id_");
        List<Object[]> sorted = new ArrayList<>();
        Set<Object> placed = new LinkedHashSet<>();
        while (sorted.size() < t.rows().size()) {
          for (Object[] r : t.rows()) {
            if (!placed.contains(r[id]) && (r[parent] == null || placed.contains(r[parent]))) {
              sorted.add(r);
              placed.add(r[id]);
            }
          }
        }
        t.rows().clear();
        t.rows().addAll(sorted);
      }
    }
  }

  /** When the template instance started (a clone's times move by its shift from here). */
  LocalDateTime started() {
    return started;
  }

  /** Rows per table in the template (for the report). */
  Map<String, Integer> rowCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    tables.forEach(t -> counts.put(t.spec().name(), t.rows().size()));
    return counts;
  }

  /** The process instance id clone n gets (the same in every call). */
  String processInstanceIdOf(long number) {
    return idsOf(number).get(processInstanceId);
  }

  /**
   * Writes the clones given by {@code clones} (0 ... count-1), table by table (one COPY at a time per connection), and
   * returns the rows written.
   */
  long write(Connection connection, int count, IntFunction<Clone> clones) {
    long written = 0;
    for (Rows table : tables) {
      if (table.rows().isEmpty()) {
        continue;
      }
      try (Copy copy = new Copy(connection, table.spec().name(), table.columns().toArray(String[]::new))) {
        for (int n = 0; n < count; n++) {
          Clone clone = clones.apply(n);
          if (clone.finished() && table.spec().runtime()) {
            continue;
          }
          Map<String, String> newIds = idsOf(clone.number());
          for (Object[] template : table.rows()) {
            if (clone.finished() && table.spec().name().equals("act_ge_bytearray")
                && !historyBytes().contains((String) template[table.column("id_")])) {
              continue;
            }
            copy.row(cloneRow(table, template, clone, newIds));
          }
        }
        written += copy.rows();
      }
    }
    return written;
  }

  private Set<String> historyBytes;

  /** Byte arrays that history rows refer to (a finished clone has no runtime rows, so it needs only these). */
  private Set<String> historyBytes() {
    if (historyBytes == null) {
      Set<String> bytes = new LinkedHashSet<>();
      for (Rows t : tables) {
        int c = t.column("bytearray_id_");
        if (!t.spec().runtime() && c >= 0) {
          t.rows().forEach(r -> {
            if (r[c] != null) {
              bytes.add((String) r[c]);
            }
          });
        }
      }
      historyBytes = bytes;
    }
    return historyBytes;
  }

  private Map<String, String> idsOf(long number) {
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + number);
    Map<String, String> map = new HashMap<>(ids.size() * 2);
    for (String id : ids) {
      String fresh = new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
          (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
      map.put(id, id.contains(":") ? id.substring(0, id.lastIndexOf(':') + 1) + fresh : fresh);
    }
    return map;
  }

  private Object[] cloneRow(Rows table, Object[] template, Clone clone, Map<String, String> newIds) {
    Object[] row = new Object[template.length];
    for (int c = 0; c < template.length; c++) {
      Object value = template[c];
      if (value instanceof String s) {
        String id = newIds.get(s);
        if (id != null) {
          value = id;
        } else if (clone.people().containsKey(s)) {
          value = clone.people().get(s);
        } else {
          for (Map.Entry<String, String> text : clone.text().entrySet()) {
            if (s.contains(text.getKey())) {
              s = s.replace(text.getKey(), text.getValue());
            }
          }
          value = s;
        }
      } else if (value instanceof LocalDateTime time) {
        value = time.plus(clone.shift()).truncatedTo(ChronoUnit.MILLIS);
      }
      row[c] = value;
    }
    int name = table.column("name_");
    if (name >= 0 && "projectId".equals(template[name]) && table.column("long_") >= 0) {
      row[table.column("long_")] = clone.projectId();
      row[table.column("text_")] = String.valueOf(clone.projectId());
    }
    if (clone.finished()) {
      finish(table, row, clone);
    }
    return row;
  }

  /** The history of a finished instance: the open activity and task ended, the instance completed. */
  private void finish(Rows table, Object[] row, Clone clone) {
    LocalDateTime end = started.plus(clone.shift()).plus(clone.runtime()).truncatedTo(ChronoUnit.MILLIS);
    int removal = table.column("removal_time_");
    if (removal >= 0) {
      row[removal] = end.plus(TIME_TO_LIVE);
    }
    switch (table.spec().name()) {
      case "act_hi_procinst" -> {
        set(table, row, "end_time_", end);
        set(table, row, "duration_", Duration.between((LocalDateTime) row[table.column("start_time_")], end)
            .toMillis());
        set(table, row, "state_", "COMPLETED");
        set(table, row, "end_act_id_", endActivityId);
      }
      case "act_hi_actinst", "act_hi_taskinst" -> {
        if (row[table.column("end_time_")] == null) {
          set(table, row, "end_time_", end);
          set(table, row, "duration_", Duration.between((LocalDateTime) row[table.column("start_time_")], end)
              .toMillis());
          if (table.spec().name().equals("act_hi_actinst")) {
            set(table, row, "act_inst_state_", 4);
          } else {
            set(table, row, "delete_reason_", "completed");
            set(table, row, "task_state_", "Completed");
          }
        }
      }
      default -> {
      }
    }
  }

  private static void set(Rows table, Object[] row, String column, Object value) {
    int c = table.column(column);
    if (c >= 0) {
      row[c] = value;
    }
  }
}
