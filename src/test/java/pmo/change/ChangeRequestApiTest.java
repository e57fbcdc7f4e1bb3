package pmo.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** /api/change-requests over real HTTP with Basic auth: raise, read with approvals and history, list, bad input. */
class ChangeRequestApiTest extends ChangeTestSupport {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
  };

  @Autowired
  TestRestTemplate rest;

  @Test
  void raisesARequestAsTheCallerAndReadsItBackWithApprovalsAndHistory() {
    long projectId = project();
    ResponseEntity<Map<String, Object>> created = post(requester, body(projectId, "Over REST " + unique()));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Map<String, Object> request = map(created.getBody().get("request"));
    long id = ((Number) request.get("id")).longValue();
    assertThat(created.getHeaders().getLocation()).hasToString("/api/change-requests/" + id);
    assertThat(request).containsEntry("status", "SUBMITTED").containsEntry("requester", requester)
        .containsEntry("changeType", "NORMAL").containsEntry("qualityImpact", "MINOR")
        .containsEntry("projectId", (int) projectId);
    assertThat(list(created.getBody().get("history"))).extracting(e -> e.get("action") + " by " + e.get("actor"))
        .containsExactly("CHANGE_REQUEST_RAISED by rita");

    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId((String) request
        .get("processInstanceId")).singleResult();
    complete(manager, pi, ChangeRequestProcess.TASK_ASSESS, Map.of());
    complete(pmo, pi, ChangeRequestProcess.TASK_PMO_APPROVAL, Map.of("pmoDecision", "approve", "pmoComment", "Ok"));

    Map<String, Object> read = get(carl, "/api/change-requests/" + id).getBody();
    assertThat(map(read.get("request"))).containsEntry("status", "APPROVED").containsEntry("route", "PMO")
        .containsEntry("routeDecisionKey", "change-approval-route").containsKey("routeDecisionVersion")
        .containsEntry("newBaselineVersion", 2);
    assertThat(list(read.get("approvals"))).singleElement().satisfies(a -> assertThat(a)
        .containsEntry("stage", "PMO").containsEntry("approver", pmo).containsEntry("approverGroup", "pmo")
        .containsEntry("decision", "APPROVE").containsEntry("comment", "Ok"));
    assertThat(list(read.get("history"))).extracting(e -> e.get("action"))
        .containsSubsequence("CHANGE_REQUEST_RAISED", "CHANGE_REQUEST_ASSESSED", "CHANGE_REQUEST_ROUTED",
            "CHANGE_APPROVAL_RECORDED", "CHANGE_REQUEST_APPROVED", "CHANGE_REQUEST_REBASELINED");
  }

  @Test
  void listFiltersByProjectStatusAndTypeWithPaging() {
    long projectId = project();
    long first = id(post(requester, body(projectId, "List A " + unique())));
    Map<String, Object> emergency = body(projectId, "List B " + unique());
    emergency.put("changeType", "emergency");
    long second = id(post(requester, emergency));

    Map<String, Object> page = get(requester, "/api/change-requests?projectId=" + projectId + "&size=1").getBody();
    assertThat(page).containsEntry("page", 0).containsEntry("size", 1).containsEntry("total", 2);
    assertThat(list(page.get("items"))).singleElement().satisfies(r -> assertThat(r.get("id")).isEqualTo((int) second));
    Map<String, Object> next = get(requester, "/api/change-requests?projectId=" + projectId + "&size=1&page=1")
        .getBody();
    assertThat(list(next.get("items"))).singleElement().satisfies(r -> assertThat(r.get("id")).isEqualTo((int) first));
    assertThat(list(get(requester, "/api/change-requests?projectId=" + projectId + "&type=EMERGENCY").getBody()
        .get("items"))).extracting(r -> r.get("id")).containsExactly((int) second);
    assertThat(list(get(requester, "/api/change-requests?projectId=" + projectId + "&status=SUBMITTED&type=NORMAL")
        .getBody().get("items"))).extracting(r -> r.get("id")).containsExactly((int) first);
    assertThat(list(get(requester, "/api/change-requests?projectId=" + projectId + "&status=APPROVED").getBody()
        .get("items"))).isEmpty();
  }

  @Test
  void theChoicesAreTakenAsTheFormsValuesOrAsTheApiWritesThemAndTheProcessHoldsTheFormsValues() {
    long projectId = project();
    Map<String, Object> named = body(projectId, "Named choices " + unique());
    named.put("changeType", "EMERGENCY");
    named.put("qualityImpact", "MAJOR");
    Map<String, Object> request = map(post(requester, named).getBody().get("request"));
    assertThat(request).containsEntry("changeType", "EMERGENCY").containsEntry("qualityImpact", "MAJOR");

    String pi = (String) request.get("processInstanceId");
    assertThat(runtime.getVariable(pi, "changeType")).isEqualTo("emergency");
    assertThat(runtime.getVariable(pi, "qualityImpact")).isEqualTo("major");
    complete(manager, runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult(),
        ChangeRequestProcess.TASK_ASSESS, Map.of());
    // the routing table read the form's values: an emergency, whatever its quality impact
    Map<String, Object> read = map(get(requester, "/api/change-requests/" + request.get("id")).getBody()
        .get("request"));
    assertThat(read).containsEntry("route", "EMERGENCY");
  }

  @Test
  void badInputGets400WithFieldAndReasonAndWritesNothing() {
    long projectId = project();
    long cancelled = project();
    projects.cancel(cancelled, "Stopped");
    String title = "Bad " + unique();

    Map<String, Object> empty = body(projectId, title);
    empty.put("title", "");
    assertProblem(post(requester, empty), "title", "must not be blank");
    assertProblem(post(requester, body(987654321L, title)), "projectId", "unknown project 987654321");
    assertProblem(post(requester, body(cancelled, title)), "projectId", "is CANCELLED: only an approved, open project");
    Map<String, Object> early = body(projectId, title);
    early.put("scheduleDeltaDays", -101);
    assertProblem(post(requester, early), "scheduleDeltaDays", "would move the planned finish (2026-04-10) before");
    Map<String, Object> negative = body(projectId, title);
    negative.put("costDelta", -100001);
    assertProblem(post(requester, negative), "costDelta", "would make the budget negative");
    Map<String, Object> type = body(projectId, title);
    type.put("changeType", "urgent");
    assertProblem(post(requester, type), "changeType", "must be one of standard, normal, emergency, not 'urgent'");
    Map<String, Object> quality = body(projectId, title);
    quality.put("qualityImpact", "huge");
    assertProblem(post(requester, quality), "qualityImpact", "must be one of none, minor, major, not 'huge'");
    // the choices are read with the body, in its order: the reader stops at the first wrong one, only that is named
    Map<String, Object> both = new LinkedHashMap<>();
    both.put("changeType", "urgent");
    both.put("qualityImpact", "huge");
    body(projectId, title).forEach(both::putIfAbsent);
    ResponseEntity<Map<String, Object>> first = post(requester, both);
    assertProblem(first, "changeType", "must be one of standard, normal, emergency, not 'urgent'");
    assertThat(list(first.getBody().get("errors"))).hasSize(1);
    Map<String, Object> number = body(projectId, title);
    number.put("changeType", 7);
    assertProblem(post(requester, number), "changeType", "must be one of standard, normal, emergency, not '7'");
    Map<String, Object> object = body(projectId, title);
    object.put("changeType", Map.of("value", "normal"));
    assertProblem(post(requester, object), "changeType", "has a value of the wrong type or format");
    Map<String, Object> missing = body(projectId, title);
    missing.remove("changeType");
    missing.put("title", "");
    ResponseEntity<Map<String, Object>> withOthers = post(requester, missing);
    assertProblem(withOthers, "changeType", "must not be null");
    assertProblem(withOthers, "title", "must not be blank");
    Map<String, Object> text = body(projectId, title);
    text.put("costDelta", "a lot");
    assertProblem(post(requester, text), "costDelta", "has a value of the wrong type or format");

    assertThat(jdbc.sql("select count(*) from change_request where title = :t").param("t", title)
        .query(Long.class).single()).isZero();
    assertThat(runtime.createProcessInstanceQuery().variableValueEquals("title", title).count()).isZero();
  }

  @Test
  void unknownIdIs404BadFiltersAre400AndStrangersAre401() {
    ResponseEntity<Map<String, Object>> missing = get(requester, "/api/change-requests/987654321");
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(missing.getBody()).containsEntry("detail", "change request 987654321 does not exist");
    assertProblem(get(requester, "/api/change-requests?size=1000"), "size", "must be between 1 and 200");
    assertProblem(get(requester, "/api/change-requests?status=DONE"), "status", "must be ChangeStatus");
    assertThat(rest.getForEntity("/api/change-requests", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  // --- helpers

  private Map<String, Object> body(long projectId, String title) {
    Map<String, Object> b = new HashMap<>(request(projectId, "normal", 1500, 2, "minor"));
    b.put("title", title);
    return b;
  }

  private ResponseEntity<Map<String, Object>> post(String user, Map<String, Object> body) {
    return rest.withBasicAuth(user, PASSWORD).exchange("/api/change-requests", HttpMethod.POST,
        new HttpEntity<>(body), JSON);
  }

  private ResponseEntity<Map<String, Object>> get(String user, String path) {
    return rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.GET, null, JSON);
  }

  private static long id(ResponseEntity<Map<String, Object>> created) {
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    return ((Number) map(created.getBody().get("request")).get("id")).longValue();
  }

  private static void assertProblem(ResponseEntity<Map<String, Object>> response, String field, String reason) {
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(400);
    assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(list(response.getBody().get("errors"))).anySatisfy(e -> {
      assertThat(e.get("field")).isEqualTo(field);
      assertThat((String) e.get("reason")).contains(reason);
    });
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }
}
