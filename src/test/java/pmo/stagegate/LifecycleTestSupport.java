package pmo.stagegate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import pmo.IntegrationTest;
import pmo.audit.AuditService;
import pmo.platform.Roles;
import pmo.project.NewProject;
import pmo.project.Project;
import pmo.project.ProjectService;
import pmo.project.Rag;
import pmo.project.Stage;

/** What the stage-gate tests share: demo-like users, registering a project, and working its tasks as Tasklist does. */
abstract class LifecycleTestSupport extends IntegrationTest {

  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ProjectService projects;
  @Autowired
  AuditService audit;

  String manager;
  String otherManager;
  String office;
  String steering;

  @BeforeEach
  void stageGateUsers() {
    manager = user("paula", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    otherManager = user("peter", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    office = user("olga", Roles.REQUESTERS, Roles.PMO);
    steering = user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
  }

  /** Registers a project (category IT, manager paula): its lifecycle starts in the same transaction. */
  long register(String name, String budget) {
    return register(name, budget, manager);
  }

  long register(String name, String budget, String projectManager) {
    return projects.register(new NewProject(null, name, "Test project " + name, steering, projectManager, "IT",
        "Operational excellence", new BigDecimal(budget), LocalDate.now().plusDays(10),
        LocalDate.now().plusMonths(12), "Scope of " + name)).project().id();
  }

  /** Registers a project and takes it through G1 with Go: its lifecycle waits for the G2 package. */
  long registerInPlanning(String name, String budget) {
    long projectId = register(name, budget);
    ProcessInstance g1 = gateReview(projectId);
    complete(manager, g1, gatePackage(List.of("charter"), "Charter approved", Rag.GREEN));
    complete(office, g1, decision("go", 4, 4, 4));
    assertThat(projects.find(projectId).stage()).isEqualTo(Stage.PLANNING);
    return projectId;
  }

  Project project(long id) {
    return projects.find(id);
  }

  ProcessInstance lifecycleOf(long projectId) {
    String id = jdbc.sql("select process_instance_id from project_lifecycle where project_id = :p")
        .param("p", projectId).query(String.class).single();
    return runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  String lifecycleIdOf(long projectId) {
    return jdbc.sql("select process_instance_id from project_lifecycle where project_id = :p")
        .param("p", projectId).query(String.class).single();
  }

  /** The gate review the lifecycle is in now. */
  ProcessInstance gateReview(long projectId) {
    ProcessInstance review = runtime.createProcessInstanceQuery().superProcessInstanceId(lifecycleIdOf(projectId))
        .singleResult();
    assertThat(review).as("a running gate review").isNotNull();
    return review;
  }

  /** The package form as Tasklist submits it (the RAG as the form's value). */
  Map<String, Object> gatePackage(List<String> deliverables, String summary, Rag rag) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(GateReviewProcess.DELIVERABLES.name(), GateReviewProcess.DELIVERABLES.raw(deliverables));
    vars.put(GateReviewProcess.SUMMARY.name(), summary);
    vars.put(GateReviewProcess.RAG.name(), GateReviewProcess.RAG.raw(rag));
    vars.put(GateReviewProcess.LINKS.name(), "https://wiki.example/" + unique() + "\nhttps://docs.example/plan");
    return vars;
  }

  /** The board's form: decision and the scores of the gate's should-meet criteria, in order. */
  Map<String, Object> decision(String decision, int... scores) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(GateReviewProcess.GATE_DECISION.name(), decision);
    for (int i = 0; i < scores.length; i++) {
      vars.put(GateReviewProcess.SCORES.get(i).name(), scores[i]);
    }
    return vars;
  }

  Map<String, Object> review(String wentWell, String toImprove, String tags) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(LifecycleProcess.OBJECTIVES_MET.name(), "partly");
    vars.put(LifecycleProcess.ACTUAL_FINISH.name(), LocalDate.now().toString());
    vars.put(LifecycleProcess.ACTUAL_COST.name(), 180000.5);
    vars.put(LifecycleProcess.WENT_WELL.name(), wentWell);
    vars.put(LifecycleProcess.TO_IMPROVE.name(), toImprove);
    vars.put(LifecycleProcess.LESSON_TAGS.name(), tags);
    return vars;
  }

  Task claim(String userId, ProcessInstance pi) {
    actAs(userId);
    Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(task).as("task visible to " + userId).isNotNull();
    if (task.getAssignee() == null) {
      tasks.claim(task.getId(), userId);
    }
    return task;
  }

  void complete(String userId, ProcessInstance pi, Map<String, Object> variables) {
    Task task = claim(userId, pi);
    try {
      tasks.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Completes the task and returns the innermost failure; the task stays open. */
  Throwable failToComplete(String userId, ProcessInstance pi, Map<String, Object> variables) {
    Task task = claim(userId, pi);
    try {
      return failureOf(() -> tasks.complete(task.getId(), variables));
    } finally {
      identityService.clearAuthentication();
    }
  }

  List<String> actions(String entityType, Object id) {
    return audit.forEntity(entityType, id).stream().map(e -> e.action() + " by " + e.actor()).toList();
  }

  List<String> projectActions(long projectId) {
    return jdbc.sql("select action from audit_event where project_id = :p order by id").param("p", projectId)
        .query(String.class).list();
  }

  long count(String sql, long projectId) {
    return jdbc.sql(sql).param("p", projectId).query(Long.class).single();
  }

  List<String> decisions(long projectId) {
    return jdbc.sql("select gate || ' ' || decision || ' by ' || decided_by from gate_decision where project_id = :p "
        + "order by id").param("p", projectId).query(String.class).list();
  }
}
