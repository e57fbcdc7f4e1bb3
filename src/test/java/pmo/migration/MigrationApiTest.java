package pmo.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import pmo.change.ChangeRequestProcess;

/**
 * /api/migrations over real HTTP: a change request waiting at its PMO approval moves to a version whose approval
 * task has another id (the generated mapping misses it, an instruction maps it), keeps its variables and its row, and
 * the move is audited and on the auditor's timeline; an impossible mapping is refused with the engine's reason; staff
 * get 403.
 */
class MigrationApiTest extends MigrationTestSupport {

  static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
  };
  static final String RENAMED = "Task_PmoApprovalV2";

  @Autowired
  TestRestTemplate rest;

  @Test
  void aWaitingChangeRequestMovesToAVersionWithARenamedTaskIntactAndAudited() {
    long projectId = project();
    ProcessInstance pi = waitingAtPmoApproval(projectId);
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi)
        .isWaitingAt(ChangeRequestProcess.TASK_PMO_APPROVAL);
    int source = currentVersion();
    Map<String, Object> variables = engine.getRuntimeService().getVariables(pi.getId());
    Map<String, Object> row = changeRow(pi.getId());
    int target = deployNextVersion(Map.of("\"Task_PmoApproval\"", '"' + RENAMED + '"',
        "name=\"Approve change (PMO)\"", "name=\"Approve change (PMO office)\""));

    Map<String, Object> generated = post(owner, "/api/migrations/plan", command(source, target, null,
        List.of(pi.getId()))).getBody();
    assertThat(generated).containsEntry("valid", false).containsEntry("instanceCount", 1);
    assertThat(list(generated.get("generated"))).extracting(i -> i.get("from"))
        .contains(ChangeRequestProcess.TASK_ASSESS).doesNotContain(ChangeRequestProcess.TASK_PMO_APPROVAL);
    assertThat(list(generated.get("problems"))).extracting(p -> p.get("element"))
        .contains(ChangeRequestProcess.TASK_PMO_APPROVAL);

    List<Map<String, String>> rename = List.of(Map.of("from", ChangeRequestProcess.TASK_PMO_APPROVAL, "to", RENAMED));
    Map<String, Object> planned = post(owner, "/api/migrations/plan", command(source, target, rename,
        List.of(pi.getId()))).getBody();
    assertThat(planned).containsEntry("valid", true).containsEntry("instancesTried", 1);
    assertThat(list(planned.get("problems"))).isEmpty();
    assertThat(list(planned.get("instructions"))).contains(Map.of("from", ChangeRequestProcess.TASK_PMO_APPROVAL,
        "to", RENAMED));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
        .getProcessDefinitionId()).as("planning changed nothing").isEqualTo(definitionId(source));

    ResponseEntity<Map<String, Object>> executed = post(owner, "/api/migrations", command(source, target, rename,
        List.of(pi.getId())));
    assertThat(executed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long migrationId = ((Number) map(executed.getBody().get("migration")).get("id")).longValue();
    await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(get(owner, "/api/migrations/"
        + migrationId).getBody().get("state")));
    Map<String, Object> state = get(owner, "/api/migrations/" + migrationId).getBody();
    assertThat(state).containsEntry("migrated", 1).containsEntry("processInstanceIds", List.of(pi.getId()));
    assertThat(map(state.get("migration"))).containsEntry("sourceVersion", source)
        .containsEntry("targetVersion", target).containsEntry("executedBy", owner).containsEntry("instanceCount", 1);

    Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(RENAMED);
    // task names start with the case's reference (the business key)
    String reference = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId())
        .singleResult().getBusinessKey();
    assertThat(task.getName()).as("the engine keeps a migrated task's own attributes")
        .isEqualTo(reference + " Approve change (PMO)");
    assertThat(task.getProcessDefinitionId()).isEqualTo(definitionId(target));
    assertThat(engine.getRuntimeService().getVariables(pi.getId())).isEqualTo(variables);
    assertThat(changeRow(pi.getId())).isEqualTo(row);

    var perInstance = jdbc.sql("select actor, action, after_state from audit_event where entity_type = "
        + "'PROCESS_INSTANCE' and entity_id = :pi").param("pi", pi.getId()).query().listOfRows();
    assertThat(perInstance).singleElement().satisfies(e -> {
      assertThat(e.get("actor")).isEqualTo(owner);
      assertThat(e.get("action")).isEqualTo("PROCESS_INSTANCE_MIGRATED");
      assertThat((String) e.get("after_state")).contains("\"sourceVersion\":" + source,
          "\"targetVersion\":" + target, definitionId(source), definitionId(target));
    });
    assertThat(jdbc.sql("select actor, after_state from audit_event where action = 'MIGRATION_EXECUTED' and "
        + "entity_id = :id").param("id", String.valueOf(migrationId)).query().listOfRows())
        .singleElement().satisfies(e -> {
          assertThat(e.get("actor")).isEqualTo(owner);
          assertThat((String) e.get("after_state")).contains(pi.getId(), RENAMED);
        });
    assertThat(list(get(owner, "/api/migrations?processKey=" + ChangeRequestProcess.KEY).getBody().get("items")))
        .extracting(m -> ((Number) m.get("id")).longValue()).contains(migrationId);

    List<Map<String, Object>> timeline = list(get(auditor, "/api/audit/projects/" + projectId + "/timeline")
        .getBody().get("items"));
    String v1 = "Change request v" + source;
    String v2 = "Change request v" + target;
    assertThat(timeline).anySatisfy(e -> assertThat(e).containsEntry("title", "Started: " + v1)
        .containsEntry("process", v1));
    assertThat(timeline).anySatisfy(e -> assertThat(e).containsEntry("kind", "TASK")
        .containsEntry("title", reference + " Assess impact (completed)").containsEntry("process", v1));
    assertThat(timeline).anySatisfy(e -> assertThat(e).containsEntry("kind", "PROCESS")
        .containsEntry("title", "Migrated: v" + source + " → v" + target).containsEntry("actor", owner)
        .containsEntry("process", v2));
    assertThat(timeline).anySatisfy(e -> assertThat(e).containsEntry("kind", "TASK")
        .containsEntry("title", reference + " Approve change (PMO) (open)").containsEntry("process", v2));

    // the renamed task is decided as before: its stage is known by its form
    complete(pmo, pi.getId(), Map.of("pmoDecision", "approve", "pmoComment", "Fine after the move"));
    assertThat(jdbc.sql("select stage, decision, approver from change_approval where change_request_id = :id")
        .param("id", row.get("id")).query().listOfRows()).singleElement().satisfies(a -> {
          assertThat(a.get("stage")).isEqualTo("PMO");
          assertThat(a.get("decision")).isEqualTo("APPROVE");
          assertThat(a.get("approver")).isEqualTo(pmo);
        });
  }

  @Test
  void aMigratedApprovalIsCompletedOnTheNewVersion() {
    ProcessInstance pi = waitingAtPmoApproval(project());
    int source = currentVersion();
    int target = deployNextVersion(Map.of("name=\"Approve change (PMO)\"", "name=\"Approve change (PMO office)\""));
    Map<String, Object> planned = post(owner, "/api/migrations/plan", command(source, target, null, null)).getBody();
    assertThat(planned).containsEntry("valid", true);
    assertThat(((Number) planned.get("instanceCount")).intValue()).as("every running instance by default")
        .isGreaterThanOrEqualTo(1);

    ResponseEntity<Map<String, Object>> executed = post(owner, "/api/migrations", command(source, target, null,
        List.of(pi.getId())));
    assertThat(executed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long migrationId = ((Number) map(executed.getBody().get("migration")).get("id")).longValue();
    await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(get(owner, "/api/migrations/"
        + migrationId).getBody().get("state")));

    complete(pmo, pi.getId(), Map.of("pmoDecision", "approve", "pmoComment", "Fine on the new version"));
    await().atMost(Duration.ofSeconds(30)).until(() -> "APPROVED".equals(changeRow(pi.getId()).get("status")));
    // the outcome notices are sent asynchronously: wait for them, so no job of this deployment runs after its deletion
    await().atMost(Duration.ofSeconds(60)).until(() -> engine.getTaskService().createTaskQuery()
        .processInstanceId(pi.getId()).taskDefinitionKey(ChangeRequestProcess.TASK_IMPLEMENT).count() == 1);
    assertThat(jdbc.sql("select count(*) from change_approval a join change_request r on r.id = a.change_request_id"
        + " where r.process_instance_id = :pi and a.decision = 'APPROVE'").param("pi", pi.getId()).query(Long.class)
        .single()).isEqualTo(1);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
        .getProcessDefinitionId()).isEqualTo(definitionId(target));
  }

  @Test
  void impossibleMappingsAreRefusedWithTheEngineReason() {
    ProcessInstance pi = waitingAtPmoApproval(project());
    int source = currentVersion();
    int target = deployNextVersion(Map.of("\"Task_PmoApproval\"", '"' + RENAMED + '"'));

    Map<String, Object> toGateway = post(owner, "/api/migrations/plan", command(source, target,
        List.of(Map.of("from", ChangeRequestProcess.TASK_PMO_APPROVAL, "to", "Gateway_PmoDecision")),
        List.of(pi.getId()))).getBody();
    assertThat(toGateway).containsEntry("valid", false);
    assertThat(list(toGateway.get("problems"))).anySatisfy(p -> {
      assertThat(p.get("element")).isEqualTo(ChangeRequestProcess.TASK_PMO_APPROVAL + " -> Gateway_PmoDecision");
      assertThat((String) p.get("reason")).isNotBlank();
    });

    Map<String, Object> unknown = post(owner, "/api/migrations/plan", command(source, target,
        List.of(Map.of("from", "Task_NoSuchStep", "to", RENAMED)), List.of(pi.getId()))).getBody();
    assertThat(unknown).containsEntry("valid", false);
    assertThat(list(unknown.get("problems"))).anySatisfy(p -> assertThat((String) p.get("reason"))
        .contains("Task_NoSuchStep"));

    ResponseEntity<Map<String, Object>> refused = post(owner, "/api/migrations", command(source, target,
        List.of(Map.of("from", ChangeRequestProcess.TASK_PMO_APPROVAL, "to", "Gateway_PmoDecision")),
        List.of(pi.getId())));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(list(refused.getBody().get("errors"))).extracting(e -> e.get("field")).contains("instructions");
    ResponseEntity<Map<String, Object>> unmapped = post(owner, "/api/migrations", command(source, target, null,
        List.of(pi.getId())));
    assertThat(unmapped.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
        .getProcessDefinitionId()).as("nothing moved").isEqualTo(definitionId(source));
  }

  @Test
  void malformedRequestsNameTheField() {
    int source = currentVersion();
    ResponseEntity<Map<String, Object>> same = post(owner, "/api/migrations/plan", command(source, source, null,
        null));
    assertThat(same.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(list(same.getBody().get("errors"))).extracting(e -> e.get("field")).contains("targetVersion");
    ResponseEntity<Map<String, Object>> noVersion = post(owner, "/api/migrations/plan", command(source, 9999, null,
        null));
    assertThat(noVersion.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(list(noVersion.getBody().get("errors"))).extracting(e -> e.get("field")).contains("targetVersion");
    Map<String, Object> unknownProcess = command(1, 2, null, null);
    unknownProcess.put("processKey", "no-such-process");
    assertThat(post(owner, "/api/migrations/plan", unknownProcess).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<Map<String, Object>> blank = post(owner, "/api/migrations/plan", command(source, source + 1,
        List.of(Map.of("from", "", "to", RENAMED)), null));
    assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(list(blank.getBody().get("errors"))).extracting(e -> e.get("field"))
        .contains("instructions[0].from");
    assertThat(get(owner, "/api/migrations/999999999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void staffAndAuditorsMayNotMigrate() {
    int source = currentVersion();
    for (String user : List.of(requester, pmo, auditor)) {
      assertThat(post(user, "/api/migrations/plan", command(source, source + 1, null, null)).getStatusCode())
          .as(user + " plans").isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(post(user, "/api/migrations", command(source, source + 1, null, null)).getStatusCode())
          .as(user + " executes").isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(get(user, "/api/migrations").getStatusCode()).as(user + " lists").isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(get(owner, "/api/migrations").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(list(rest.withBasicAuth(owner, PASSWORD).exchange("/api/migrations/processes", HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() {
        }).getBody().stream().map(p -> (Object) p).toList())).extracting(p -> p.get("key"))
        .contains(ChangeRequestProcess.KEY);
  }

  String definitionId(int version) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(ChangeRequestProcess.KEY)
        .processDefinitionVersion(version).singleResult().getId();
  }

  Map<String, Object> changeRow(String processInstanceId) {
    return jdbc.sql("select * from change_request where process_instance_id = :pi").param("pi", processInstanceId)
        .query().singleRow();
  }

  ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
    return rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(body), JSON);
  }

  ResponseEntity<Map<String, Object>> get(String user, String path) {
    return rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.GET, null, JSON);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }
}
