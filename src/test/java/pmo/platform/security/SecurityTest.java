package pmo.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import pmo.IntegrationTest;
import pmo.intake.IntakeProcess;
import pmo.intake.Proposals;
import pmo.platform.Roles;

/**
 * Who may do what, over real HTTP: no credentials get 401 on both APIs; each role boundary that matters gets 403
 * (a requester approving, an auditor claiming, completing, starting, changing or deploying, staff deploying); a
 * four-eyes violation through the engine's REST API gets 403 with the rule in the message; auditors can read history.
 */
class SecurityTest extends IntegrationTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;

  String requester;
  String pmo;
  String auditor;
  ProcessInstance proposal;
  String screeningTask;

  @BeforeEach
  void proposal() {
    requester = user("rita", Roles.REQUESTERS);
    pmo = user("olga", Roles.REQUESTERS, Roles.PMO);
    auditor = user("audrey", Roles.AUDITORS);
    user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    actAs(requester);
    proposal = runtime.startProcessInstanceByKey(IntakeProcess.KEY, Proposals.startVariables("Security " + unique(), "sam"));
    identityService.clearAuthentication();
    screeningTask = tasks.createTaskQuery().processInstanceId(proposal.getId()).singleResult().getId();
  }

  @Test
  void noCredentialsMeans401OnBothApis() {
    for (String path : new String[] {"/api/projects", "/api/audit", "/engine-rest/task", "/engine-rest/deployment",
        "/engine-rest/history/process-instance"}) {
      ResponseEntity<String> response = rest.getForEntity(path, String.class);
      assertThat(response.getStatusCode().value()).as(path).isEqualTo(401);
      assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(path).startsWith("Basic");
    }
    assertThat(rest.withBasicAuth(requester, "wrong").getForEntity("/engine-rest/task", String.class)
        .getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void requesterCannotApproveWhatTheirGroupsDoNotCover() {
    ResponseEntity<String> complete = post(requester, "/engine-rest/task/" + screeningTask + "/complete",
        "{\"variables\":{\"screeningDecision\":{\"value\":\"complete\"}}}");
    assertThat(complete.getStatusCode().value()).as(complete.getBody()).isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(screeningTask).count()).isEqualTo(1);
  }

  @Test
  void fourEyesViolationThroughTheEngineApiIs403() {
    String both = user("pia", Roles.REQUESTERS, Roles.PMO);
    actAs(both);
    ProcessInstance own = runtime.startProcessInstanceByKey(IntakeProcess.KEY, Proposals.startVariables("Own " + unique(), "sam"));
    identityService.clearAuthentication();
    String task = tasks.createTaskQuery().processInstanceId(own.getId()).singleResult().getId();

    ResponseEntity<String> list = get(both, "/engine-rest/task?maxResults=10&processInstanceId=" + own.getId());
    assertThat(list.getBody()).as("not offered to the requester").isEqualTo("[]");
    ResponseEntity<String> claim = post(both, "/engine-rest/task/" + task + "/claim", "{\"userId\":\"pia\"}");
    assertThat(claim.getStatusCode().value()).as(claim.getBody()).isEqualTo(403);
    ResponseEntity<String> complete = post(both, "/engine-rest/task/" + task + "/complete",
        "{\"variables\":{\"screeningDecision\":{\"value\":\"complete\"}}}");
    assertThat(complete.getStatusCode().value()).as(complete.getBody()).isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
  }

  @Test
  void formRulesThroughTheEngineApiAre400WithTheField() {
    ResponseEntity<String> complete = post(pmo, "/engine-rest/task/" + screeningTask + "/complete",
        "{\"variables\":{\"screeningDecision\":{\"value\":\"perhaps\"}}}");
    assertThat(complete.getStatusCode().value()).as(complete.getBody()).isEqualTo(400);
    assertThat(complete.getBody()).contains("\"field\":\"screeningDecision\"", "must be one of complete");
  }

  @Test
  void auditorReadsHistoryButCanNeitherWorkNorChangeAnything() {
    // list queries name their page size: the engine refuses unbounded ones (queryMaxResultsLimit)
    assertThat(get(auditor, "/engine-rest/history/process-instance?maxResults=50&processInstanceId=" + proposal.getId())
        .getBody())
        .contains(proposal.getId());
    assertThat(get(auditor, "/engine-rest/history/task?maxResults=50&processInstanceId=" + proposal.getId()).getBody())
        .contains("Screen proposal");
    assertThat(get(auditor, "/engine-rest/history/variable-instance?maxResults=50&processInstanceId=" + proposal.getId())
        .getStatusCode().value()).isEqualTo(200);
    assertThat(get(auditor, "/api/audit?size=5").getStatusCode().value()).isEqualTo(200);

    assertThat(post(auditor, "/engine-rest/task/" + screeningTask + "/claim", "{\"userId\":\"audrey\"}")
        .getStatusCode().value()).isEqualTo(403);
    assertThat(post(auditor, "/engine-rest/task/" + screeningTask + "/complete", "{}").getStatusCode().value())
        .isEqualTo(403);
    assertThat(post(auditor, "/engine-rest/process-definition/key/project-intake/start", "{}").getStatusCode()
        .value()).isEqualTo(403);
    assertThat(rest.withBasicAuth(auditor, PASSWORD).exchange("/engine-rest/process-instance/" + proposal.getId()
        + "/variables/title", HttpMethod.PUT, json("{\"value\":\"changed\",\"type\":\"String\"}"), String.class)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(rest.withBasicAuth(auditor, PASSWORD).exchange("/engine-rest/process-instance/" + proposal.getId(),
        HttpMethod.DELETE, null, String.class).getStatusCode().value()).isEqualTo(403);
    assertThat(post(auditor, "/api/projects", "{}").getStatusCode().value()).isEqualTo(403);
    assertThat(deploy(auditor).getStatusCode().value()).isEqualTo(403);
    assertThat(runtime.getVariable(proposal.getId(), "title").toString()).startsWith("Security ");
  }

  @Test
  void staffCannotDeployNorReadTheAuditTrail() {
    assertThat(deploy(pmo).getStatusCode().value()).isEqualTo(403);
    assertThat(deploy(requester).getStatusCode().value()).isEqualTo(403);
    assertThat(get(pmo, "/api/audit").getStatusCode().value()).isEqualTo(403);
  }

  // --- helpers

  private ResponseEntity<String> deploy(String user) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", "by-" + user);
    parts.add("data", new ByteArrayResource("<definitions/>".getBytes()) {
      @Override
      public String getFilename() {
        return "empty.bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, PASSWORD).postForEntity("/engine-rest/deployment/create",
        new HttpEntity<>(parts, headers), String.class);
  }

  private ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, PASSWORD).getForEntity(path, String.class);
  }

  private ResponseEntity<String> post(String user, String path, String body) {
    return rest.withBasicAuth(user, PASSWORD).postForEntity(path, json(body), String.class);
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

}
