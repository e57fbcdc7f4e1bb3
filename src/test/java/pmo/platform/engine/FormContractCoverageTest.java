package pmo.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import pmo.IntegrationTest;
import pmo.platform.Roles;

/**
 * The form is the contract, for every user task and every start event of every process in {@code processes/}, for
 * every kind of user: a variable the form does not declare is refused. A new process or task is covered without
 * touching this test.
 *
 * <p>Each user task's contract is its Camunda Form (formRef and binding), so each task is exercised in a process of its
 * own that holds only that task, with the same form, workable by every staff group: the real task's assignee, due date
 * and timers need a real case, its form does not. Start events are exercised on the deployed processes themselves.
 */
class FormContractCoverageTest extends IntegrationTest {

  private static final String UNDECLARED = "notOnTheForm";
  private static String deploymentId;
  private static RepositoryService repositoryForCleanUp;

  @Autowired
  TestRestTemplate rest;
  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;

  /** One user per group, holding only that group. */
  private Map<String, String> userPerGroup() {
    Map<String, String> users = new LinkedHashMap<>();
    for (Roles.Group group : Roles.ALL) {
      if (!group.id().equals(Roles.ADMIN)) {
        users.put(group.id(), user("contract-" + group.id(), group.id()));
      }
    }
    return users;
  }

  @Test
  void everyUserTaskRefusesAVariableItsFormDoesNotDeclare() throws IOException {
    Map<String, String> users = userPerGroup();
    List<String> copies = deployEveryUserTaskAlone();
    assertThat(copies).as("user tasks found in processes/").hasSizeGreaterThan(20);
    List<String> failures = new ArrayList<>();
    List<String> staff = users.entrySet().stream().filter(e -> Roles.STAFF.contains(e.getKey()))
        .map(Map.Entry::getValue).toList();
    for (int i = 0; i < copies.size(); i++) {
      String key = copies.get(i);
      String instance = runtime.startProcessInstanceByKey(key).getId();
      String task = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
      Map<String, Object> undeclared = Map.of("variables", Map.of(UNDECLARED, Map.of("value", "x")));
      for (Map.Entry<String, String> entry : users.entrySet()) {
        boolean mayWork = Roles.STAFF.contains(entry.getKey());
        ResponseEntity<Map> sent = post(entry.getValue(), "/engine-rest/task/" + task + "/complete", undeclared);
        expect(failures, key, entry.getKey(), "complete", sent, mayWork ? 400 : 403);
        if (mayWork && !String.valueOf(sent.getBody()).contains(UNDECLARED + ", reason=is not a field of task")) {
          failures.add(key + " " + entry.getKey() + ": " + sent.getBody());
        }
      }
      // the other ways in, by one staff member (a different one for each task)
      String member = staff.get(i % staff.size());
      expect(failures, key, member, "claim", post(member, "/engine-rest/task/" + task + "/claim",
          Map.of("userId", member)), 204);
      expect(failures, key, member, "submit-form", post(member, "/engine-rest/task/" + task + "/submit-form",
          undeclared), 400);
      expect(failures, key, member, "PUT variable", exchange(member, HttpMethod.PUT, "/engine-rest/task/" + task
          + "/variables/" + UNDECLARED, Map.of("value", "x")), 403);
      expect(failures, key, member, "POST variables", post(member, "/engine-rest/task/" + task + "/variables",
          Map.of("modifications", Map.of(UNDECLARED, Map.of("value", "x")))), 403);
      assertThat(tasks.createTaskQuery().taskId(task).count()).as(key + " still open").isEqualTo(1);
      assertThat(runtime.getVariable(instance, UNDECLARED)).as(key).isNull();
      runtime.deleteProcessInstance(instance, "contract test");
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void everyStartFormRefusesAVariableItDoesNotDeclare() {
    Map<String, String> users = userPerGroup();
    List<String> failures = new ArrayList<>();
    int startForms = 0;
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
      BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
      boolean hasStartForm = model.getModelElementsByType(StartEvent.class).stream()
          .anyMatch(s -> s.getCamundaFormRef() != null);
      if (!hasStartForm || definition.getKey().startsWith("contract-")) {
        continue;
      }
      startForms++;
      for (Map.Entry<String, String> entry : users.entrySet()) {
        boolean mayStart = Roles.STARTABLE.getOrDefault(entry.getKey(), List.of())
            .contains(definition.getKey());
        for (String way : List.of("start", "submit-form")) {
          ResponseEntity<Map> sent = post(entry.getValue(), "/engine-rest/process-definition/" + definition.getId()
              + "/" + way, Map.of("variables", Map.of(UNDECLARED, Map.of("value", "x"))));
          expect(failures, definition.getKey(), entry.getKey(), way, sent, mayStart ? 400 : 403);
          if (mayStart && !String.valueOf(sent.getBody()).contains(UNDECLARED + ", reason=is not a field of the "
              + "start form")) {
            failures.add(definition.getKey() + " " + entry.getKey() + " " + way + ": " + sent.getBody());
          }
        }
      }
      assertThat(runtime.createProcessInstanceQuery().processDefinitionId(definition.getId())
          .variableValueEquals(UNDECLARED, "x").count()).isZero();
    }
    assertThat(startForms).as("processes with a start form").isGreaterThanOrEqualTo(4);
    assertThat(failures).isEmpty();
  }

  /**
   * Every user task of every process in processes/, each in a process of its own: start, the task with its form
   * (same formRef and binding) and every staff group as candidates, end.
   */
  private List<String> deployEveryUserTaskAlone() throws IOException {
    List<String> keys = new ArrayList<>();
    var deployment = repository.createDeployment().name("form contract coverage").source("test");
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
      BpmnModelInstance original;
      try (InputStream in = resource.getInputStream()) {
        original = Bpmn.readModelFromStream(in);
      }
      for (UserTask task : original.getModelElementsByType(UserTask.class)) {
        String key = "contract-" + task.getId() + "-" + Integer.toHexString(resource.getFilename().hashCode());
        BpmnModelInstance alone = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
            .startEvent("Start")
            .userTask(task.getId()).name(task.getName())
            .camundaFormRef(task.getCamundaFormRef()).camundaFormRefBinding(task.getCamundaFormRefBinding())
            .camundaCandidateGroups(String.join(",", Roles.STAFF))
            .endEvent("End")
            .done();
        deployment.addModelInstance(key + ".bpmn", alone);
        keys.add(key);
      }
    }
    deploymentId = deployment.deploy().getId();
    repositoryForCleanUp = repository;
    return keys;
  }

  /** The per-group users leave their groups: other tests count a group's members (the change board votes). */
  @AfterEach
  void leaveGroups() {
    for (Roles.Group group : Roles.ALL) {
      if (identityService.createUserQuery().userId("contract-" + group.id()).count() > 0) {
        user("contract-" + group.id());
      }
    }
  }

  @AfterAll
  static void removeCopies() {
    if (deploymentId != null) {
      repositoryForCleanUp.deleteDeployment(deploymentId, true);
    }
  }

  private static void expect(List<String> failures, String key, String group, String what, ResponseEntity<Map> got,
      int status) {
    if (got.getStatusCode().value() != status) {
      failures.add(key + " as " + group + ", " + what + ": expected " + status + ", got "
          + got.getStatusCode().value() + " " + got.getBody());
    }
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
}
