package pmo.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import pmo.IntegrationTest;
import pmo.change.ChangeRequestProcess;
import pmo.intake.IntakeProcess;
import pmo.intake.Proposals;
import pmo.issue.IssueProcess;
import pmo.platform.Roles;
import pmo.project.NewProject;
import pmo.project.ProjectService;
import pmo.risk.RiskProcess;
import pmo.stagegate.GateReviewProcess;
import pmo.stagegate.LifecycleProcess;

/**
 * The findings of issue 9 about the task and start boundary, reproduced as an outsider would, with the engine REST API
 * that Tasklist and Camunda Modeler use: forged case ids, four-eyes subjects and initiators, variables written outside a
 * task, internal processes started by hand. Each answer is a clear 4xx and nothing of the attempt is written; and
 * where an administrator did write such a variable, the step still acts on its own case and the four-eyes rule still
 * holds, because both are read from the stored case.
 */
class TrustBoundaryTest extends IntegrationTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ProjectService projects;

  String rita;
  String paula;
  String olga;
  String rob;
  String sam;
  String carl;

  @BeforeEach
  void people() {
    rita = user("rita", Roles.REQUESTERS);
    rob = user("rob", Roles.REQUESTERS);
    paula = user("paula", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    olga = user("olga", Roles.REQUESTERS, Roles.PMO);
    sam = user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    carl = user("carl", Roles.REQUESTERS, Roles.CHANGE_BOARD);
  }

  /** Finding 1: a PMO approval completed with another request's id decides its own request, nothing else. */
  @Test
  void aTaskCannotActOnAnotherCase() {
    long project = project();
    ProcessInstance small = raiseAndAssess(project, 1000);
    ProcessInstance large = raiseAndAssess(project, 30000);
    long smallId = requestOf(small);
    long largeId = requestOf(large);
    assertThat(status(largeId)).isEqualTo("IN_APPROVAL");
    String pmoTask = taskOf(small, ChangeRequestProcess.TASK_PMO_APPROVAL);
    post(olga, "/engine-rest/task/" + pmoTask + "/claim", Map.of("userId", olga));

    ResponseEntity<Map> forged = post(olga, "/engine-rest/task/" + pmoTask + "/complete", Map.of("variables",
        Map.of("pmoDecision", value("approve"), "changeRequestId", Map.of("value", largeId, "type", "Long"))));
    // the task's name starts with its request's reference (CR-n)
    assertProblem(forged, 400, "changeRequestId", "is not a field of task 'CR-" + smallId + " Approve change (PMO)'");
    assertThat(status(largeId)).isEqualTo("IN_APPROVAL");
    assertThat(status(smallId)).isEqualTo("IN_APPROVAL");
    assertThat(count("select count(*) from change_approval where change_request_id in (:a, :b)", smallId, largeId))
        .isZero();

    // an administrator (or a leftover variable) puts the other id on the instance: the step ignores it
    runtime.setVariable(small.getId(), "changeRequestId", largeId);
    ResponseEntity<Map> approved = post(olga, "/engine-rest/task/" + pmoTask + "/complete",
        Map.of("variables", Map.of("pmoDecision", value("approve"))));
    assertThat(approved.getStatusCode().value()).as(String.valueOf(approved.getBody())).isEqualTo(204);
    assertThat(status(smallId)).isEqualTo("APPROVED");
    assertThat(status(largeId)).isEqualTo("IN_APPROVAL");
    assertThat(count("select count(*) from project_baseline where change_request_id = :a", largeId, largeId))
        .isZero();
  }

  /**
   * Finding 2: the four-eyes subject cannot be overwritten, and is read from the stored case anyway. Since the rule
   * also hides the task from its parties (a revoke on the task), olga's own attempts end at the authorization check;
   * another PMO member, who may work the task, cannot write the subject either.
   */
  @Test
  void fourEyesCannotBeSidesteppedByWritingItsVariable() {
    String otto = user("otto-" + unique(), Roles.REQUESTERS, Roles.PMO);
    ProcessInstance proposal = startIntake(olga);
    String screen = taskOf(proposal, IntakeProcess.TASK_SCREEN);

    for (String path : List.of("/complete", "/submit-form")) {
      assertThat(post(olga, "/engine-rest/task/" + screen + path, Map.of("variables", Map.of("screeningDecision",
          value("complete"), "requester", value(rob)))).getStatusCode().value()).isEqualTo(403);
      assertProblem(post(otto, "/engine-rest/task/" + screen + path, Map.of("variables",
          Map.of("screeningDecision", value("complete"), "requester", value(olga)))), 400, "requester",
          "is not a field of task '" + nameOf(screen) + "'");
      assertThat(nameOf(screen)).matches("PRP-\\d+ Screen proposal");
    }
    for (String user : List.of(olga, otto)) {
      assertThat(exchange(user, HttpMethod.PUT, "/engine-rest/task/" + screen + "/localVariables/requester",
          value(rob)).getStatusCode().value()).isEqualTo(403);
      assertThat(post(user, "/engine-rest/task/" + screen + "/variables", Map.of("modifications",
          Map.of("requester", value(rob)))).getStatusCode().value()).isEqualTo(403);
      assertThat(exchange(user, HttpMethod.PUT, "/engine-rest/process-instance/" + proposal.getId()
          + "/variables/requester", value(rob)).getStatusCode().value()).isEqualTo(403);
    }
    assertThat(runtime.getVariable(proposal.getId(), "requester")).isEqualTo(olga);

    // even with the variable changed behind the scenes, the proposal row says olga proposed it
    runtime.setVariable(proposal.getId(), "requester", rob);
    assertThat(post(olga, "/engine-rest/task/" + screen + "/claim", Map.of("userId", olga)).getStatusCode().value())
        .isEqualTo(403);
    assertThat(post(olga, "/engine-rest/task/" + screen + "/complete", Map.of("variables",
        Map.of("screeningDecision", value("complete")))).getStatusCode().value()).isEqualTo(403);
    // and the rule itself (which binds even those no authorization binds) answers from the row
    assertThat(failureOf(() -> engine.getTaskService().claim(screen, olga)))
        .isInstanceOf(pmo.platform.SegregationOfDutiesException.class).hasMessageContaining("olga is the requester");
    assertThat(jdbc.sql("select status from project_proposal where process_instance_id = :pi")
        .param("pi", proposal.getId()).query(String.class).single()).isEqualTo("SUBMITTED");
  }

  /** Finding 3: the initiator is whoever is signed in; a start variable naming someone else is refused. */
  @Test
  void nobodyStartsACaseInSomeoneElsesName() {
    long project = project();
    Map<String, Object> intake = form(Proposals.startVariables("Forged " + unique(), sam));
    intake.put("requester", value(rob));
    assertProblem(post(olga, "/engine-rest/process-definition/key/" + IntakeProcess.KEY + "/start",
        Map.of("variables", intake)), 400, "requester", "is not a field of the start form");

    Map<String, Object> risk = form(Map.of("projectId", project, "title", "Forged risk " + unique(), "category",
        "COST", "owner", paula));
    risk.put("raisedBy", value(rob));
    assertProblem(post(olga, "/engine-rest/process-definition/key/" + RiskProcess.KEY + "/submit-form",
        Map.of("variables", risk)), 400, "raisedBy", "is not a field of the start form");

    Map<String, Object> issue = form(Map.of("projectId", project, "title", "Forged issue " + unique(), "severity",
        "low", "owner", paula));
    issue.put("raisedBy", value(sam));
    assertProblem(post(olga, "/engine-rest/process-definition/key/" + IssueProcess.KEY + "/start",
        Map.of("variables", issue)), 400, "raisedBy", "is not a field of the start form");

    Map<String, Object> change = form(changeRequest(project, 1000));
    change.put("requester", value(carl));
    assertProblem(post(olga, "/engine-rest/process-definition/key/" + ChangeRequestProcess.KEY + "/start",
        Map.of("variables", change)), 400, "requester", "is not a field of the start form");

    // started properly, the case is the signed-in user's
    ResponseEntity<Map> started = post(olga, "/engine-rest/process-definition/key/" + RiskProcess.KEY + "/start",
        Map.of("variables", form(Map.of("projectId", project, "title", "Olga's risk " + unique(), "category",
            "COST", "owner", paula))));
    assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(200);
    assertThat(jdbc.sql("select raised_by from risk where process_instance_id = :pi")
        .param("pi", started.getBody().get("id")).query(String.class).single()).isEqualTo(olga);
  }

  /** Finding 5: the lifecycle and gate reviews are the system's; starting one by hand is forbidden. */
  @Test
  void internalProcessesCannotBeStartedByStaff() {
    long project = project();
    for (String key : List.of(LifecycleProcess.KEY, GateReviewProcess.KEY)) {
      ResponseEntity<Map> started = post(olga, "/engine-rest/process-definition/key/" + key + "/start",
          Map.of("variables", Map.of("projectId", Map.of("value", project, "type", "Long"), "startStage",
              value("CLOSURE"), "gate", value("G2"))));
      assertThat(started.getStatusCode().value()).as(key + ": " + started.getBody()).isEqualTo(403);
    }
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(LifecycleProcess.KEY)
        .processInstanceBusinessKey(projects.find(project).code()).count()).isEqualTo(1);
  }

  /** Finding 11: text the engine cannot store is a 400 naming the field, not a 500. */
  @Test
  void textTooLongOrWithControlCharactersIsRefusedByField() {
    long project = project();
    Map<String, Object> tooLong = form(changeRequest(project, 1000));
    tooLong.put("description", value("x".repeat(4001)));
    assertProblem(post(rita, "/engine-rest/process-definition/key/" + ChangeRequestProcess.KEY + "/start",
        Map.of("variables", tooLong)), 400, "description", "must be at most 4000 characters");
    Map<String, Object> bell = form(changeRequest(project, 1000));
    bell.put("title", value("Ring \u0007 the bell"));
    assertProblem(post(rita, "/engine-rest/process-definition/key/" + ChangeRequestProcess.KEY + "/start",
        Map.of("variables", bell)), 400, "title", "control characters");
  }

  /** Variables are written by completing a task with its form, not by starting at a chosen step or a message. */
  @Test
  void nobodyStartsAProcessInTheMiddleOrMovesItsToken() {
    long project = project();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("variables", form(changeRequest(project, 1000)));
    body.put("startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId",
        ChangeRequestProcess.TASK_WRITE_BASELINE)));
    body.put("skipCustomListeners", true);
    ResponseEntity<Map> started = post(rita, "/engine-rest/process-definition/key/" + ChangeRequestProcess.KEY
        + "/start", body);
    assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(403);
    assertThat(post(rita, "/engine-rest/message", Map.of("messageName", "anything")).getStatusCode().value())
        .isEqualTo(403);
    assertThat(post(rita, "/engine-rest/signal", Map.of("name", "anything")).getStatusCode().value())
        .isEqualTo(403);
  }

  // --- helpers

  private long project() {
    return projects.register(new NewProject(null, "Boundary " + unique(), "A project to attack", sam, paula, "IT",
        "Operational excellence", new BigDecimal("100000.00"), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 10),
        "Scope")).project().id();
  }

  private Map<String, Object> changeRequest(long project, int cost) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("projectId", project);
    vars.put("title", "Change " + unique());
    vars.put("description", "More reports");
    vars.put("reason", "Regions need them");
    vars.put("changeType", "normal");
    vars.put("costDelta", cost);
    vars.put("scheduleDeltaDays", 0);
    vars.put("qualityImpact", "none");
    return vars;
  }

  private ProcessInstance raiseAndAssess(long project, int cost) {
    ProcessInstance pi = start(rita, ChangeRequestProcess.KEY, changeRequest(project, cost));
    complete(paula, pi.getId(), Map.of("assessmentComment", "Checked"));
    return pi;
  }

  private ProcessInstance startIntake(String requester) {
    return start(requester, IntakeProcess.KEY, Proposals.startVariables("Boundary " + unique(), sam));
  }

  private long requestOf(ProcessInstance pi) {
    return jdbc.sql("select id from change_request where process_instance_id = :pi").param("pi", pi.getId())
        .query(Long.class).single();
  }

  private String status(long requestId) {
    return jdbc.sql("select status from change_request where id = :id").param("id", requestId)
        .query(String.class).single();
  }

  private long count(String sql, long a, long b) {
    return jdbc.sql(sql).param("a", a).param("b", b).query(Long.class).single();
  }

  private String taskOf(ProcessInstance pi, String key) {
    await().until(() -> tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).count() > 0);
    Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    return task.getId();
  }

  private static Map<String, Object> value(Object value) {
    return Map.of("value", value);
  }

  /** Plain values as the engine REST API wants them: {"name": {"value": ...}}. */
  private static Map<String, Object> form(Map<String, Object> values) {
    Map<String, Object> vars = new LinkedHashMap<>();
    values.forEach((k, v) -> vars.put(k, value(v)));
    return vars;
  }

  @SuppressWarnings("rawtypes")
  private ResponseEntity<Map> post(String user, String path, Object body) {
    return exchange(user, HttpMethod.POST, path, body);
  }

  @SuppressWarnings("rawtypes")
  private ResponseEntity<Map> exchange(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth(user, PASSWORD);
    return rest.exchange(path, method, new HttpEntity<>(body, headers), Map.class);
  }

  @SuppressWarnings("rawtypes")
  private String nameOf(String taskId) {
    return engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getName();
  }

  private static void assertProblem(ResponseEntity<Map> response, int status, String field, String reason) {
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
    assertThat(String.valueOf(response.getBody())).contains(field).contains(reason);
  }
}
