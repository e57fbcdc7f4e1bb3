package pmo.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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
import pmo.platform.Roles;

/**
 * Deployments as Camunda Modeler sends them (multipart to /engine-rest/deployment/create): a process owner's valid
 * deployment goes through and is audited with its version tag; each kind of broken diagram is rejected with 400 and a
 * message naming the file and the element, and nothing of it is deployed; so is every model that would run more than
 * its flow (an expression outside ModelExpressions, a script, a connector, a Java class, a decision not in FEEL).
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
        "Task_Record", "expression '${noSuchDelegate}' in camunda:delegateExpression is not allowed: "
            + "delegate bean 'noSuchDelegate' does not exist");
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

  /** A process of the system jobs' key would let whoever is granted rights on it act on every system job. */
  @Test
  void theSystemJobsKeyIsNoProcessId() {
    assertRejected(process(SystemJobs.TYPE, "P180D", "${recordProposal}", "project-intake-screen", "pmo"),
        SystemJobs.TYPE, "process id '" + SystemJobs.TYPE + "' is reserved for the system's jobs");
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

  /**
   * Issue 9, finding 4: a process owner deploys a timer start in the past and a service task whose expression writes
   * to the identity tables through the application's JdbcTemplate. The guard refuses it: 400 naming the element and
   * the expression, nothing deployed, so no timer ever fires and nobody becomes an administrator.
   */
  @Test
  void processOwnerCannotMakeThemselvesAdministratorThroughAnExpression() {
    String key = "escalate-" + unique();
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="Definitions_1" targetNamespace="http://pmo.test">
          <bpmn:process id="%s" isExecutable="true" camunda:versionTag="1.0.0" camunda:historyTimeToLive="P180D">
            <bpmn:startEvent id="Start_Timer">
              <bpmn:timerEventDefinition>
                <bpmn:timeDate xsi:type="bpmn:tFormalExpression">2020-01-01T00:00:00Z</bpmn:timeDate>
              </bpmn:timerEventDefinition>
            </bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_Timer" targetRef="Task_Escalate" />
            <bpmn:serviceTask id="Task_Escalate" camunda:expression="%s" />
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Escalate" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, HostileModels.xml(HostileModels.GRANT));

    ResponseEntity<Map<String, Object>> response = deploy(owner, key, Map.of(key + ".bpmn", bpmn));

    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(400);
    assertThat((String) response.getBody().get("message")).contains(key + ".bpmn [Task_Escalate]: expression '"
        + HostileModels.GRANT + "' in camunda:expression is not allowed: calling 'update' on bean 'jdbcTemplate'");
    assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName(key).count()).isZero();
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count())
        .isZero();
    assertThat(identityService.createUserQuery().userId(owner).memberOfGroup(Roles.ADMIN).count()).isZero();
    assertThat(jdbc.sql("select count(*) from act_id_membership where user_id_ = :user and group_id_ = :group")
        .param("user", owner).param("group", Roles.ADMIN).query(Long.class).single()).isZero();
  }

  static Stream<HostileModels.Case> hostileModels() {
    return HostileModels.all().stream();
  }

  /** Each way out of the allowlist, over the way Modeler deploys: 400 with file, element and what is wrong. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileModels")
  void everyHostileModelIsRejected(HostileModels.Case hostile) {
    String name = "hostile-" + unique();
    String file = hostile.file(name);
    ResponseEntity<Map<String, Object>> response = deploy(owner, name,
        Map.of(file, hostile.content(name.replace('-', '_'))));

    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(400);
    assertThat((String) response.getBody().get("message")).contains(hostile.expected(file));
    assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName(name).count()).isZero();
  }

  /** What the allowlist permits deploys, and the engine accepts it: the forms the shipped models use, together. */
  @Test
  void processOwnerMayUseWhatTheAllowlistPermits() {
    String key = "allowed-" + unique();
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="Definitions_1" targetNamespace="http://pmo.test">
          <bpmn:process id="%s" isExecutable="true" camunda:versionTag="1.0.0" camunda:historyTimeToLive="P180D">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Record" />
            <bpmn:serviceTask id="Task_Record" camunda:delegateExpression="${recordProposal}">
              <bpmn:extensionElements>
                <camunda:executionListener event="end" delegateExpression="#{recordProposal}" />
                <camunda:inputOutput>
                  <camunda:inputParameter name="who">${currentUser()}</camunda:inputParameter>
                  <camunda:inputParameter name="when"><camunda:list><camunda:value>${now()}</camunda:value>
                    <camunda:value>${execution.processInstanceId}</camunda:value></camunda:list></camunda:inputParameter>
                  <camunda:outputParameter name="summary"><camunda:map>
                    <camunda:entry key="late">${amount > 5 ? 'yes' : 'no'}</camunda:entry></camunda:map>
                  </camunda:outputParameter>
                </camunda:inputOutput>
              </bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Record" targetRef="Gateway_Route" />
            <bpmn:exclusiveGateway id="Gateway_Route" />
            <bpmn:sequenceFlow id="Flow_Vote" sourceRef="Gateway_Route" targetRef="Task_Vote">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${route == 'BOARD' &amp;&amp; !execution.hasVariable('vote')}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="Flow_Skip" sourceRef="Gateway_Route" targetRef="End_Skipped">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${route != 'BOARD' || execution.hasVariable('vote')}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:endEvent id="End_Skipped" />
            <bpmn:userTask id="Task_Vote" camunda:formRef="project-intake-screen" camunda:formRefBinding="latest"
                           camunda:assignee="${voter}"
                           camunda:followUpDate="${issueDeadlines.respondBy(issueId)}" camunda:priority="${priority + 1}">
              <bpmn:multiInstanceLoopCharacteristics camunda:collection="${changeBoard.voters(requester)}"
                                                     camunda:elementVariable="voter" />
            </bpmn:userTask>
            <bpmn:boundaryEvent id="Event_Late" attachedToRef="Task_Vote" cancelActivity="false">
              <bpmn:timerEventDefinition>
                <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${changeDeadlines.reminderAfter()}</bpmn:timeDuration>
              </bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="Flow_Late" sourceRef="Event_Late" targetRef="End_Late" />
            <bpmn:endEvent id="End_Late" />
            <bpmn:sequenceFlow id="Flow_3" sourceRef="Task_Vote" targetRef="Call_Gate" />
            <bpmn:callActivity id="Call_Gate" calledElement="gate-review" camunda:calledElementBinding="latest">
              <bpmn:extensionElements>
                <camunda:in businessKey="#{execution.processBusinessKey}" />
                <camunda:in sourceExpression="${'G1'}" target="gate" />
                <camunda:out source="gateDecision" target="gateDecision" />
              </bpmn:extensionElements>
            </bpmn:callActivity>
            <bpmn:sequenceFlow id="Flow_4" sourceRef="Call_Gate" targetRef="Task_Decide" />
            <bpmn:businessRuleTask id="Task_Decide" camunda:decisionRef="risk-escalation-level">
              <bpmn:extensionElements>
                <camunda:inputOutput>
                  <camunda:outputParameter name="escalateTo">${decisionResult.getSingleResult().escalateTo}</camunda:outputParameter>
                </camunda:inputOutput>
              </bpmn:extensionElements>
            </bpmn:businessRuleTask>
            <bpmn:sequenceFlow id="Flow_5" sourceRef="Task_Decide" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key);

    ResponseEntity<Map<String, Object>> response = deploy(owner, key, Map.of(key + ".bpmn", bpmn));

    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count())
        .isOne();
  }

  @Test
  void aJavaClassIsRejected() {
    String bpmn = process("class-" + unique(), "P180D", "${recordProposal}", "project-intake-screen", "pmo")
        .replace("camunda:delegateExpression=\"${recordProposal}\"", "camunda:class=\"java.lang.Runtime\"");
    assertRejected(bpmn, "Task_Record",
        "camunda:class 'java.lang.Runtime' is not allowed: refer to a Spring bean with camunda:delegateExpression");
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
