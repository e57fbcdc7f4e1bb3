package pmo.platform.engine;

import pmo.platform.Roles;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import pmo.IntegrationTest;
import pmo.audit.AuditEvent;

/**
 * Deployments as Camunda Modeler sends them (multipart to /engine-rest/deployment/create): a process owner's valid
 * deployment goes through and is audited with its version tag; each kind of broken diagram is rejected with 400 and a
 * message naming the file and the element, and nothing of it is deployed.
 */
class DeploymentGuardTest extends IntegrationTest {

  @Autowired
  TestRestTemplate rest;

  String owner;

  @BeforeEach
  void owner() {
    owner = user("owen", Roles.PROCESS_OWNERS);
  }

  @Test
  void processOwnerDeploysAValidDiagramWithItsFormAndTheDeploymentIsAudited() {
    String key = "guarded-" + unique();
    String form = "{\"id\":\"" + key + "-review\",\"type\":\"default\",\"schemaVersion\":16,\"components\":"
        + "[{\"type\":\"textfield\",\"key\":\"note\",\"label\":\"Note\",\"id\":\"Field_note\"}]}";
    ResponseEntity<Map<String, Object>> response = deploy(owner, key + "-deployment",
        Map.of(key + ".bpmn", process(key, "P180D", "${recordProposal}", key + "-review", "pmo"),
            key + "-review.form", form));

    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
    String deploymentId = (String) response.getBody().get("id");
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).singleResult()
        .getVersionTag()).isEqualTo("2.1.0");
    List<AuditEvent> audit = jdbc.sql("select * from audit_event where entity_type = 'DEPLOYMENT' and entity_id = :id")
        .param("id", deploymentId).query(AuditEvent.class).list();
    assertThat(audit).singleElement().satisfies(e -> {
      assertThat(e.actor()).isEqualTo(owner);
      assertThat(e.action()).isEqualTo("DEPLOYMENT_CREATED");
      assertThat(e.afterState()).contains(key + " v1 (2.1.0)", key + "-review.form", "Camunda Modeler");
    });
  }

  @Test
  void unknownDelegateBeanIsRejected() {
    assertRejected(process("bad-bean-" + unique(), "P180D", "${noSuchDelegate}", "project-intake-screen", "pmo"),
        "Task_Record", "delegate bean 'noSuchDelegate' does not exist");
  }

  @Test
  void formThatNeitherDeploymentNorEngineHasIsRejected() {
    assertRejected(process("bad-form-" + unique(), "P180D", "${recordProposal}", "no-such-form", "pmo"),
        "Task_Review", "form 'no-such-form' is neither in this deployment nor deployed");
  }

  @Test
  void unknownCandidateGroupIsRejected() {
    assertRejected(process("bad-group-" + unique(), "P180D", "${recordProposal}", "project-intake-screen",
        "pmo, change-bord"), "Task_Review", "candidate group 'change-bord' does not exist");
  }

  @Test
  void missingHistoryTimeToLiveIsRejected() {
    String key = "no-ttl-" + unique();
    assertRejected(process(key, null, "${recordProposal}", "project-intake-screen", "pmo"), key,
        "process '" + key + "' has no camunda:historyTimeToLive");
  }

  @Test
  void unknownDecisionIsRejected() {
    String key = "bad-decision-" + unique();
    String bpmn = process(key, "P180D", "${recordProposal}", "project-intake-screen", "pmo")
        .replace("<bpmn:serviceTask id=\"Task_Record\" camunda:delegateExpression=\"${recordProposal}\"",
            "<bpmn:businessRuleTask id=\"Task_Record\" camunda:decisionRef=\"no-such-decision\"")
        .replace("</bpmn:serviceTask>", "</bpmn:businessRuleTask>");
    assertRejected(bpmn, "Task_Record", "decision 'no-such-decision' is neither in this deployment nor deployed");
  }

  @Test
  void everyFaultOfADiagramIsReportedAtOnce() {
    String key = "many-faults-" + unique();
    ResponseEntity<Map<String, Object>> response = deploy(owner, key,
        Map.of(key + ".bpmn", process(key, null, "${nope}", "nope-form", "nope-group")));
    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat((String) response.getBody().get("message")).contains("has no camunda:historyTimeToLive",
        "delegate bean 'nope' does not exist", "form 'nope-form'", "candidate group 'nope-group'");
  }

  private void assertRejected(String bpmn, String elementId, String problem) {
    String file = "broken-" + unique() + ".bpmn";
    ResponseEntity<Map<String, Object>> response = deploy(owner, "broken", Map.of(file, bpmn));
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(400);
    assertThat((String) response.getBody().get("message")).contains(file + " [" + elementId + "]: " + problem);
    assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName("broken").count()).isZero();
  }

  /** A small process with a service task and a user task, its faults chosen by the arguments. */
  static String process(String key, String ttl, String delegate, String formRef, String groups) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="http://pmo.test">
          <bpmn:process id="%s" isExecutable="true" camunda:versionTag="2.1.0" %s>
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Record" />
            <bpmn:serviceTask id="Task_Record" camunda:delegateExpression="%s">
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Record" targetRef="Task_Review" />
            <bpmn:userTask id="Task_Review" camunda:formRef="%s" camunda:formRefBinding="latest"
                           camunda:candidateGroups="%s" />
            <bpmn:sequenceFlow id="Flow_3" sourceRef="Task_Review" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, ttl == null ? "" : "camunda:historyTimeToLive=\"" + ttl + "\"", delegate, formRef, groups);
  }

  private ResponseEntity<Map<String, Object>> deploy(String user, String name, Map<String, String> files) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", name);
    parts.add("deployment-source", "Camunda Modeler");
    parts.add("deploy-changed-only", "true");
    files.forEach((file, content) -> parts.add(file, new ByteArrayResource(content.getBytes()) {
      @Override
      public String getFilename() {
        return file;
      }
    }));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, PASSWORD).exchange("/engine-rest/deployment/create",
        org.springframework.http.HttpMethod.POST, new HttpEntity<>(parts, headers),
        new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
        });
  }
}
