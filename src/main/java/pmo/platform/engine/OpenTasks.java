package pmo.platform.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The open user tasks of a set of process instances with whom each waits for, read in two statements whatever the
 * number of instances: one engine task query ({@code processInstanceIdIn}) and one read of their candidate groups and
 * users. A list that shows where each of its cases waits (a page of "my cases") asks once per page, not once per case.
 *
 * <p>Read without authorization checks ({@link SystemActions}): the caller decides who may see the cases; a requester
 * learns that her request waits for the PMO even though the PMO's task is not hers to read. The candidates come from
 * the engine's identity link table, which the engine API offers only task by task.
 */
@Component
public class OpenTasks {

  /** At most this many process instances per call: one page of a list. */
  public static final int MAX_INSTANCES = 500;

  private final TaskService tasks;
  private final SystemActions system;
  private final JdbcClient jdbc;
  private final String prefix;

  OpenTasks(TaskService tasks, SystemActions system, JdbcClient jdbc, ProcessEngineConfiguration configuration) {
    this.tasks = tasks;
    this.system = system;
    this.jdbc = jdbc;
    String tablePrefix = ((ProcessEngineConfigurationImpl) configuration).getDatabaseTablePrefix();
    this.prefix = tablePrefix == null ? "" : tablePrefix;
  }

  /** An open task: its name, who holds it (or null), its candidate groups and users, and since when it waits. */
  public record OpenTask(String id, String processInstanceId, String name, String assignee,
      List<String> candidateGroups, List<String> candidateUsers, Instant since) {
  }

  /** The open tasks of these process instances, by instance id, each instance's oldest task first. */
  public Map<String, List<OpenTask>> of(Collection<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return Map.of();
    }
    if (processInstanceIds.size() > MAX_INSTANCES) {
      throw new IllegalArgumentException("at most " + MAX_INSTANCES + " process instances at once");
    }
    var found = system.call(() -> tasks.createTaskQuery()
        .processInstanceIdIn(processInstanceIds.toArray(String[]::new))
        .orderByTaskCreateTime().asc().list());
    if (found.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> groups = new HashMap<>();
    Map<String, List<String>> users = new HashMap<>();
    jdbc.sql("select TASK_ID_, GROUP_ID_, USER_ID_ from " + prefix + "ACT_RU_IDENTITYLINK "
            + "where TYPE_ = 'candidate' and TASK_ID_ in (:ids) order by GROUP_ID_, USER_ID_")
        .param("ids", found.stream().map(t -> t.getId()).toList())
        .query((rs, n) -> {
          String task = rs.getString(1);
          if (rs.getString(2) != null) {
            groups.computeIfAbsent(task, k -> new ArrayList<>()).add(rs.getString(2));
          }
          if (rs.getString(3) != null) {
            users.computeIfAbsent(task, k -> new ArrayList<>()).add(rs.getString(3));
          }
          return task;
        }).list();
    Map<String, List<OpenTask>> byInstance = new HashMap<>();
    for (var task : found) {
      byInstance.computeIfAbsent(task.getProcessInstanceId(), k -> new ArrayList<>()).add(new OpenTask(task.getId(),
          task.getProcessInstanceId(), task.getName(), task.getAssignee(),
          List.copyOf(groups.getOrDefault(task.getId(), List.of())),
          List.copyOf(users.getOrDefault(task.getId(), List.of())),
          task.getCreateTime() == null ? null : task.getCreateTime().toInstant()));
    }
    return byInstance;
  }
}
