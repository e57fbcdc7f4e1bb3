package pmo.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.NativeHistoricTaskInstanceQuery;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.platform.NotFoundException;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.RecordRows;

/**
 * Everything that happened to one project, running and finished: the engine's history of every process instance of
 * the project's cases (intake, changes, risks, issues, the lifecycle with its gate reviews ...: found in the case
 * tables, see {@link ProjectCases}) and the audit trail of the project. Camunda 7 CE Cockpit shows no finished
 * instances; this is the auditor's view of them. Every query touches only the project's own rows, so the timeline
 * costs the same however many other projects there are.
 *
 * <p>Longer than 200 lines: one short query per kind of timeline row (process, task, decision, variable, record),
 * merged in time order here.
 */
@Service
public class ProjectTimeline {

  /** Instance ids per query of the tasks (well below the databases' limits on parameters). */
  static final int IDS_PER_QUERY = 500;
  /** The audit events of a migrated instance (pmo.migration): their entity type and action. */
  static final String MIGRATED_ENTITY = "PROCESS_INSTANCE";
  static final String MIGRATED_ACTION = "PROCESS_INSTANCE_MIGRATED";

  private final HistoryService history;
  private final RepositoryService repository;
  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final ProjectCases cases;
  /** The engine's table of task history, with the configured table prefix. */
  private final String taskHistoryTable;
  /** Whether a task's history may be readable when its process definition's is not (see {@link #tasksOf}). */
  private final boolean historicInstancePermissions;
  /** Process definitions by id: whether they call other processes (definitions never change once deployed). */
  private final Map<String, Boolean> callingDefinitions = new java.util.concurrent.ConcurrentHashMap<>();

  ProjectTimeline(HistoryService history, RepositoryService repository, ProcessEngine engine, JdbcClient jdbc,
      ObjectMapper json, ProjectCases cases) {
    this.cases = cases;
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.historicInstancePermissions = configuration.isEnableHistoricInstancePermissions();
    // (ManagementService.getTableName would say the same, but only to an administrator)
    this.taskHistoryTable = (configuration.getDatabaseTablePrefix() == null ? ""
        : configuration.getDatabaseTablePrefix()) + "ACT_HI_TASKINST";
    this.history = history;
    this.repository = repository;
    this.jdbc = jdbc;
    this.json = json;
  }

  @Transactional(readOnly = true)
  public Page<TimelineEntry> of(long projectId, String kind, PageRequest page) {
    if (jdbc.sql("select count(*) from project where id = :id").param("id", projectId).query(Long.class).single() == 0) {
      throw new NotFoundException("project", projectId);
    }
    List<HistoricProcessInstance> instances = instancesOf(cases.processInstancesOf(projectId));
    DefinitionLabels definitions = new DefinitionLabels();
    for (HistoricProcessInstance pi : instances) {
      definitions.put(pi.getProcessDefinitionId(), pi.getProcessDefinitionName() != null
          ? pi.getProcessDefinitionName() : pi.getProcessDefinitionKey(), pi.getProcessDefinitionVersion());
    }
    String[] ids = instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
    List<AuditEvent> events = auditEvents(projectId, ids);
    Map<String, JsonNode> firstMigration = firstMigrations(events);
    List<HistoricTaskInstance> tasks = ids.length > 0 ? tasksOf(instances) : List.of();
    Set<String> definitionIds = new java.util.HashSet<>();
    tasks.forEach(t -> definitionIds.add(t.getProcessDefinitionId()));
    events.stream().filter(ProjectTimeline::isMigration).map(e -> parse(e.afterState())).forEach(after -> {
      definitionIds.add(after.path("sourceDefinitionId").asText(null));
      definitionIds.add(after.path("targetDefinitionId").asText(null));
    });
    definitions.resolve(definitionIds, repository);
    Map<String, String> processOf = instances.stream().filter(pi -> definitions.label(pi.getProcessDefinitionId())
        != null).collect(Collectors.toMap(HistoricProcessInstance::getId,
            pi -> definitions.label(pi.getProcessDefinitionId())));
    Map<String, String> caseOf = caseReferences(instances);
    List<TimelineEntry> entries = new ArrayList<>();
    for (HistoricProcessInstance pi : instances) {
      String process = processOf.get(pi.getId());
      // a migrated instance started on the version its first migration moved it from
      JsonNode migrated = firstMigration.get(pi.getId());
      String startedOn = migrated == null ? pi.getProcessDefinitionId()
          : migrated.path("sourceDefinitionId").asText(pi.getProcessDefinitionId());
      String startProcess = definitions.label(startedOn) != null ? definitions.label(startedOn) : process;
      entries.add(new TimelineEntry(time(pi.getStartTime()), "PROCESS", "Started: " + startProcess, pi.getStartUserId(),
          pi.getId(), startProcess, caseOf.get(pi.getId()), details("state", pi.getState(),
              "businessKey", pi.getBusinessKey(),
              "version", migrated == null ? pi.getProcessDefinitionVersion() : definitions.version(startedOn))));
      if (pi.getEndTime() != null) {
        entries.add(new TimelineEntry(time(pi.getEndTime()), "PROCESS", "Ended: " + process, null, pi.getId(),
            process, caseOf.get(pi.getId()), details("state", pi.getState(), "endedAt", pi.getEndActivityId(),
                "reason", pi.getDeleteReason(), "version", pi.getProcessDefinitionVersion())));
      }
    }
    for (HistoricTaskInstance task : tasks) {
      Date at = task.getEndTime() != null ? task.getEndTime() : task.getStartTime();
      String state = task.getEndTime() == null ? "open"
          : task.getDeleteReason() == null || "completed".equals(task.getDeleteReason()) ? "completed"
          : task.getDeleteReason();
      String label = definitions.label(task.getProcessDefinitionId());
      entries.add(new TimelineEntry(time(at), "TASK", task.getName() + " (" + state + ")", task.getAssignee(),
          task.getProcessInstanceId(), label != null ? label : processOf.get(task.getProcessInstanceId()),
          caseOf.get(task.getProcessInstanceId()), details("task", task.getTaskDefinitionKey(), "created", time(task.getStartTime()),
              "completed", time(task.getEndTime()), "assignee", task.getAssignee(),
              "version", definitions.version(task.getProcessDefinitionId()))));
    }
    if (ids.length > 0) {
      for (HistoricDetail detail : history.createHistoricDetailQuery().variableUpdates().processInstanceIdIn(ids)
          .orderByTime().asc().unlimitedList()) {
        HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
        entries.add(new TimelineEntry(time(update.getTime()), "VARIABLE", update.getVariableName() + " = "
            + shorten(update.getValue()), null,
            update.getProcessInstanceId(), processOf.get(update.getProcessInstanceId()),
            caseOf.get(update.getProcessInstanceId()), details("variable", update.getVariableName(), "value", shorten(update.getValue()),
                "type", update.getTypeName(), "revision", update.getRevision(), "taskId", update.getTaskId())));
      }
    }
    events.forEach(e -> entries.add(entryOf(e, processOf, caseOf, definitions)));
    List<TimelineEntry> selected = entries.stream()
        .filter(e -> kind == null || kind.equalsIgnoreCase(e.kind()))
        .sorted(Comparator.comparing(TimelineEntry::at, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
    int from = (int) Math.min(page.offset(), selected.size());
    int to = Math.min(from + page.size(), selected.size());
    return Page.of(selected.subList(from, to), page, selected.size());
  }

  /**
   * The case instances and the instances they called (a lifecycle's gate reviews): each root with everything under
   * it, through the engine's index of root process instances; a case instance that is not a root itself (called by
   * another case) is taken as it is.
   */
  private List<HistoricProcessInstance> instancesOf(Set<String> caseInstances) {
    if (caseInstances.isEmpty()) {
      return List.of();
    }
    Map<String, HistoricProcessInstance> found = new LinkedHashMap<>();
    for (HistoricProcessInstance pi : history.createHistoricProcessInstanceQuery().processInstanceIds(caseInstances)
        .unlimitedList()) {
      found.put(pi.getId(), pi);
      if (pi.getId().equals(pi.getRootProcessInstanceId()) && calls(pi)) {
        history.createHistoricProcessInstanceQuery().rootProcessInstanceId(pi.getId()).unlimitedList()
            .forEach(called -> found.putIfAbsent(called.getId(), called));
      }
    }
    return new ArrayList<>(found.values());
  }

  /**
   * The tasks of the instances, root by root: each root's tasks with those of the instances it called, then the tasks
   * of a case instance that is not a root itself; each group in the order of the task ids.
   *
   * <p>The engine's task query takes one process instance or one root at a time, which made the timeline one query
   * per case (13 for a generated project of issue 15 with a dozen cases, each a command of its own with its
   * authorization check: the slowest part of the timeline at scale). So the tasks of all the instances are read in
   * one native query of the engine, by the ids of the instances found above. That query checks no authorization
   * itself; it needs none: the instances come from the engine's authorized query, and task history is authorized by
   * the same permission on the same process definition (read history), so the engine's task query would return the
   * same tasks. Only when historic instance permissions are enabled (a task can then be readable when its process
   * definition is not, and the other way round) are the tasks read through the engine's task query, root by root.
   */
  private List<HistoricTaskInstance> tasksOf(List<HistoricProcessInstance> instances) {
    Set<String> ids = instances.stream().map(HistoricProcessInstance::getId).collect(Collectors.toSet());
    Map<String, List<HistoricTaskInstance>> byRoot = historicInstancePermissions ? Map.of() : tasksByRoot(ids);
    Set<String> roots = new java.util.LinkedHashSet<>();
    List<HistoricTaskInstance> tasks = new ArrayList<>();
    for (HistoricProcessInstance pi : instances) {
      String root = pi.getRootProcessInstanceId();
      if (root != null && ids.contains(root)) {
        if (roots.add(root)) {
          tasks.addAll(historicInstancePermissions
              ? history.createHistoricTaskInstanceQuery().rootProcessInstanceId(root).unlimitedList()
              : byRoot.getOrDefault(root, List.of()));
        }
      } else {
        tasks.addAll(historicInstancePermissions
            ? history.createHistoricTaskInstanceQuery().processInstanceId(pi.getId()).unlimitedList()
            : byRoot.getOrDefault(pi.getId(), List.of()));
      }
    }
    return tasks;
  }

  /**
   * The tasks of the instances in task id order, grouped by their root when it is one of the instances, else by their
   * own instance: what the engine's task query returns per root or instance. In chunks of {@link #IDS_PER_QUERY} ids.
   */
  private Map<String, List<HistoricTaskInstance>> tasksByRoot(Set<String> ids) {
    List<String> all = new ArrayList<>(ids);
    List<HistoricTaskInstance> tasks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY));
      NativeHistoricTaskInstanceQuery query = history.createNativeHistoricTaskInstanceQuery();
      List<String> names = new ArrayList<>();
      for (int n = 0; n < chunk.size(); n++) {
        names.add("#{pi" + n + "}");
        query.parameter("pi" + n, chunk.get(n));
      }
      tasks.addAll(query.sql("select RES.* from " + taskHistoryTable + " RES where RES.PROC_INST_ID_ in ("
          + String.join(", ", names) + ")").list());
    }
    tasks.sort(Comparator.comparing(HistoricTaskInstance::getId));
    Map<String, List<HistoricTaskInstance>> byRoot = new HashMap<>();
    for (HistoricTaskInstance task : tasks) {
      String root = task.getRootProcessInstanceId();
      String key = root != null && ids.contains(root) ? root : task.getProcessInstanceId();
      byRoot.computeIfAbsent(key, k -> new ArrayList<>()).add(task);
    }
    return byRoot;
  }

  /** Whether the instance's process has call activities (looked up once per process definition). */
  private boolean calls(HistoricProcessInstance pi) {
    return callingDefinitions.computeIfAbsent(pi.getProcessDefinitionId(), id -> {
      var model = repository.getBpmnModelInstance(id);
      return model != null && !model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.CallActivity.class)
          .isEmpty();
    });
  }

  /**
   * The audit events of the project and of its instances, with the migrations of its instances (written by the
   * migration capability per instance: entity type {@value #MIGRATED_ENTITY}, entity id = instance id).
   */
  private List<AuditEvent> auditEvents(long projectId, String[] processInstanceIds) {
    Map<String, Object> params = new HashMap<>();
    params.put("project", projectId);
    String inProcesses = "";
    if (processInstanceIds.length > 0) {
      params.put("pis", List.of(processInstanceIds));
      params.put("migrated", MIGRATED_ENTITY);
      inProcesses = " or process_instance_id in (:pis) or (entity_type = :migrated and entity_id in (:pis))";
    }
    return jdbc.sql("select * from audit_event where project_id = :project" + inProcesses + " order by id")
        .params(params)
        .query(RecordRows.of(AuditEvent.class))
        .list();
  }

  private TimelineEntry entryOf(AuditEvent e, Map<String, String> processOf, Map<String, String> caseOf,
      DefinitionLabels definitions) {
    if (isMigration(e)) {
      JsonNode after = parse(e.afterState());
      String target = definitions.label(after.path("targetDefinitionId").asText(null));
      return new TimelineEntry(e.occurredAt(), "PROCESS", "Migrated: v" + after.path("sourceVersion").asText("?")
          + " → v" + after.path("targetVersion").asText("?"), e.actor(), e.entityId(),
          target != null ? target : processOf.get(e.entityId()), caseOf.get(e.entityId()),
          details("action", e.action(), "entityType", e.entityType(), "entityId", e.entityId(),
              "after", e.afterState(), "version", after.path("targetVersion").asText(null), "seq", e.seq()));
    }
    return new TimelineEntry(e.occurredAt(), kindOf(e.action()), titleOf(e), e.actor(), e.processInstanceId(),
        processOf.get(e.processInstanceId()), caseOf.get(e.processInstanceId()),
        details("action", e.action(), "entityType", e.entityType(), "entityId", e.entityId(),
            "before", e.beforeState(), "after", e.afterState(), "taskId", e.taskId(), "seq", e.seq()));
  }

  private static boolean isMigration(AuditEvent e) {
    return MIGRATED_ENTITY.equals(e.entityType()) && MIGRATED_ACTION.equals(e.action());
  }

  /** Each migrated instance's first migration (its after state), in the order of the events. */
  private Map<String, JsonNode> firstMigrations(List<AuditEvent> events) {
    Map<String, JsonNode> first = new HashMap<>();
    events.stream().filter(ProjectTimeline::isMigration)
        .forEach(e -> first.putIfAbsent(e.entityId(), parse(e.afterState())));
    return first;
  }

  /** "Completed: Screen proposal", "Decided: change-approval-route v2", "PROJECT_REGISTERED PROJECT 12". */
  private String titleOf(AuditEvent e) {
    // only these two name something from their after state: the others' (the whole record) is not parsed
    return switch (e.action()) {
      case "TASK_COMPLETED" -> "Completed: " + parse(e.afterState()).path("name").asText(e.entityId());
      case "DECISION_EVALUATED" -> decided(parse(e.afterState()), e.entityId());
      default -> e.action() + " " + e.entityType() + (e.entityId() == null ? "" : " " + e.entityId());
    };
  }

  private static String decided(JsonNode after, String entityId) {
    return "Decided: " + after.path("decision").asText(entityId)
        + (after.has("version") ? " v" + after.path("version").asText() : "");
  }

  private JsonNode parse(String json) {
    try {
      return json == null ? MissingNode.getInstance() : this.json.readTree(json);
    } catch (JsonProcessingException e) {
      return MissingNode.getInstance();
    }
  }

  private static String kindOf(String action) {
    return switch (action) {
      case "TASK_COMPLETED" -> "TASK";
      case "DECISION_EVALUATED" -> "DECISION";
      default -> "DOMAIN";
    };
  }

  /**
   * The case each instance belongs to, by instance id: its business key ({@code CR-3}, {@code RSK-12}, the project's
   * code for its lifecycle), or for an instance without one (a gate review called by the lifecycle) its root's.
   */
  private static Map<String, String> caseReferences(List<HistoricProcessInstance> instances) {
    Map<String, String> keys = new HashMap<>();
    for (HistoricProcessInstance pi : instances) {
      if (pi.getBusinessKey() != null) {
        keys.put(pi.getId(), pi.getBusinessKey());
      }
    }
    for (HistoricProcessInstance pi : instances) {
      if (pi.getBusinessKey() == null && pi.getRootProcessInstanceId() != null) {
        String root = keys.get(pi.getRootProcessInstanceId());
        if (root != null) {
          keys.put(pi.getId(), root);
        }
      }
    }
    return keys;
  }

  private static Map<String, Object> details(Object... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      if (keyValues[i + 1] != null) {
        map.put((String) keyValues[i], keyValues[i + 1]);
      }
    }
    return map;
  }

  private static String shorten(Object value) {
    String text = String.valueOf(value);
    return text.length() > 500 ? text.substring(0, 500) + "…" : text;
  }

  private static OffsetDateTime time(Date date) {
    return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
  }
}
