package pmo.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import pmo.IntegrationTest;
import pmo.audit.AuditService;
import pmo.notice.Notice;
import pmo.notice.NoticeService;
import pmo.notice.NoticeStatus;
import pmo.platform.Roles;
import pmo.platform.Viewer;
import pmo.project.NewProject;
import pmo.project.ProjectDetails;
import pmo.project.ProjectService;

/**
 * What the change control tests share: the people (a requester, the project manager, a PMO analyst, two board
 * members, a sponsor on the steering committee), a project of 100 days and a budget of 100,000 (so 1 day and 1,000
 * are each 1 %), and helpers that start, work and inspect change requests as those people would.
 */
abstract class ChangeTestSupport extends IntegrationTest {

  static final LocalDate START = LocalDate.of(2026, 1, 1);
  /** 100 days from START, both included. */
  static final LocalDate FINISH = LocalDate.of(2026, 4, 10);

  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  ProjectService projects;
  @Autowired
  ChangeRequestService changes;
  @Autowired
  AuditService audit;
  @Autowired
  NoticeService notices;

  String requester;
  String manager;
  String pmo;
  String carl;
  String cora;
  String sponsor;

  @BeforeEach
  void people() {
    requester = user("rita", Roles.REQUESTERS);
    manager = user("paula", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    pmo = user("olga", Roles.REQUESTERS, Roles.PMO);
    carl = user("carl", Roles.REQUESTERS, Roles.CHANGE_BOARD);
    cora = user("cora", Roles.REQUESTERS, Roles.CHANGE_BOARD);
    sponsor = user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
  }

  long project() {
    ProjectDetails created = projects.register(new NewProject(null, "Change target " + unique(), "A project to change",
        sponsor, manager, "IT", "Operational excellence", new BigDecimal("100000.00"), START, FINISH,
        "Build the reporting hub"));
    return created.project().id();
  }

  Map<String, Object> request(long projectId, String type, int cost, int days, String quality) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("projectId", projectId);
    vars.put("title", "Extend reporting scope " + unique());
    vars.put("description", "Add the regional sales reports");
    vars.put("reason", "Regions need their own figures");
    vars.put("changeType", type);
    vars.put("costDelta", cost);
    vars.put("scheduleDeltaDays", days);
    vars.put("scopeChange", "Regional sales reports");
    vars.put("qualityImpact", quality);
    vars.put("riskNotes", "Data quality of the regional feeds");
    return vars;
  }

  ProcessInstance raise(String user, Map<String, Object> variables) {
    actAs(user);
    try {
      return runtime.startProcessInstanceByKey(ChangeRequestProcess.KEY, variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Raises a request as the requester and has the project manager assess it with the requester's figures. */
  ProcessInstance raiseAndAssess(long projectId, String type, int cost, int days, String quality) {
    ProcessInstance pi = raise(requester, request(projectId, type, cost, days, quality));
    complete(manager, pi, ChangeRequestProcess.TASK_ASSESS, Map.of("assessmentComment", "Figures checked"));
    return pi;
  }

  Task task(ProcessInstance pi, String taskKey) {
    List<Task> open = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).list();
    assertThat(open).as("open tasks " + taskKey).isNotEmpty();
    return open.get(0);
  }

  /** Claims (when needed) and completes the task as the user, the way Tasklist does. */
  void complete(String user, ProcessInstance pi, String taskKey, Map<String, Object> variables) {
    complete(user, task(pi, taskKey), variables);
  }

  void complete(String user, Task task, Map<String, Object> variables) {
    actAs(user);
    try {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), user);
      }
      tasks.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Every open board vote, each completed by its voter with the given vote. */
  /** Every voter votes, in the order the engine lists the tasks; answers who voted last. */
  String boardVotes(ProcessInstance pi, Map<String, String> votes) {
    List<Task> open = tasks.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(ChangeRequestProcess.TASK_BOARD_VOTE).list();
    assertThat(open).extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(votes.keySet());
    for (Task vote : open) {
      String decision = votes.get(vote.getAssignee());
      Map<String, Object> values = new HashMap<>();
      values.put("vote", decision);
      if (!"approve".equals(decision)) {
        values.put("voteComment", "Not like this (" + vote.getAssignee() + ")");
      }
      complete(vote.getAssignee(), vote, values);
    }
    return open.get(open.size() - 1).getAssignee();
  }

  /** The board as the engine sees it now: every member of change-board except the requester. */
  Map<String, String> everyVoter(String vote, String requesterId) {
    Map<String, String> votes = new HashMap<>();
    identityService.createUserQuery().memberOfGroup(Roles.CHANGE_BOARD).list().stream()
        .filter(u -> !u.getId().equals(requesterId)).forEach(u -> votes.put(u.getId(), vote));
    return votes;
  }

  ChangeRequest requestOf(ProcessInstance pi) {
    long id = jdbc.sql("select id from change_request where process_instance_id = :pi").param("pi", pi.getId())
        .query(Long.class).single();
    return changes.get(id);
  }

  List<String> actions(ChangeRequest request) {
    return audit.forEntity(ChangeRequestService.ENTITY, request.id()).stream()
        .map(e -> e.action() + " by " + e.actor()).toList();
  }

  List<Approval> approvals(ChangeRequest request) {
    return changes.details(request.id(), Viewer.SYSTEM).approvals();
  }

  /** Waits until the asynchronous notice step has run and the process waits at {@code taskKey} or has ended. */
  void awaitAt(ProcessInstance pi, String taskKey) {
    await().atMost(Duration.ofSeconds(30)).until(() -> taskKey == null
        ? runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0
        : tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).count() > 0);
  }

  /** The notices of a request, once every one of them has been sent. */
  List<Notice> sentNotices(ChangeRequest request) {
    await().atMost(Duration.ofSeconds(30)).until(() -> notices.forRelated(ChangeRequestService.ENTITY, request.id())
        .stream().allMatch(n -> n.status() == NoticeStatus.SENT));
    return notices.forRelated(ChangeRequestService.ENTITY, request.id());
  }

  /** Implements (project manager) and verifies (requester) an approved request, which closes it. */
  void implementAndVerify(ProcessInstance pi) {
    complete(manager, pi, ChangeRequestProcess.TASK_IMPLEMENT, Map.of("implementationNotes", "Reports deployed"));
    complete(requester, pi, ChangeRequestProcess.TASK_VERIFY, Map.of("verification", "accept"));
  }
}
