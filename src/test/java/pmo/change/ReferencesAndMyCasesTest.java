package pmo.change;

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
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import pmo.notice.Confirmations;
import pmo.notice.Notice;
import pmo.notice.NoticeStatus;
import pmo.platform.Roles;

/**
 * Issue 10, point 5: a change request is named by its reference (the business key, CR-n) in Cockpit and in the names
 * of its tasks, the requester gets a confirmation naming it and where it waits, the task meant for the requester is
 * hers, and GET /api/my/cases lists what a user raised with where it waits, page by page, to that user alone.
 */
class ReferencesAndMyCasesTest extends ChangeTestSupport {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
  };

  @Autowired
  TestRestTemplate rest;

  @Test
  void aRequestIsNamedByItsReferenceConfirmedToItsRequesterAndItsVerificationIsHers() {
    ProcessInstance pi = raise(requester, request(project(), "standard", 0, 1, "none"));
    ChangeRequest request = requestOf(pi);
    assertThat(request.reference()).isEqualTo("CR-" + request.id());
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(request.reference())
        .processDefinitionKey(ChangeRequestProcess.KEY).singleResult().getId()).isEqualTo(pi.getId());

    Task assess = task(pi, ChangeRequestProcess.TASK_ASSESS);
    assertThat(assess.getName()).isEqualTo(request.reference() + " Assess impact");
    assertThat(assess.getAssignee()).isEqualTo(manager);

    // the confirmation: queued with the request, sent by its own asynchronous step
    await().atMost(Duration.ofSeconds(30)).until(() -> notices.forRelated(Confirmations.TYPE,
        request.reference()).stream().anyMatch(n -> n.status() == NoticeStatus.SENT));
    Notice confirmation = notices.forRelated(Confirmations.TYPE, request.reference()).stream().findFirst()
        .orElseThrow();
    assertThat(notices.forRelated(ChangeRequestService.ENTITY, request.id()))
        .as("no notice of the request's own steps yet").isEmpty();
    assertThat(confirmation.recipient()).isEqualTo(requester);
    assertThat(confirmation.subject()).isEqualTo("Your change request " + request.reference() + " was recorded: "
        + request.title());
    assertThat(confirmation.body()).contains("It waits for the impact assessment by " + manager);

    complete(manager, pi, ChangeRequestProcess.TASK_ASSESS, Map.of());
    awaitAt(pi, ChangeRequestProcess.TASK_IMPLEMENT);
    complete(manager, pi, ChangeRequestProcess.TASK_IMPLEMENT, Map.of("implementationNotes", "Done"));
    Task verify = task(pi, ChangeRequestProcess.TASK_VERIFY);
    assertThat(verify.getName()).isEqualTo(request.reference() + " Verify implementation");
    assertThat(verify.getAssignee()).as("in the requester's 'My tasks', not offered to the PMO to claim")
        .isEqualTo(requester);
    assertThat(history().createHistoricTaskInstanceQuery().taskId(assess.getId()).singleResult().getName())
        .as("the history keeps the name with the reference").isEqualTo(request.reference() + " Assess impact");
  }

  @Test
  void myCasesListsWhatIRaisedWithWhereItWaitsPageByPageAndOnlyToMe() {
    String me = user("req-" + unique(), Roles.REQUESTERS);
    String other = user("req-" + unique(), Roles.REQUESTERS);
    long projectId = project();
    ProcessInstance first = raise(me, request(projectId, "normal", 1000, 0, "none"));
    ProcessInstance second = raise(me, request(projectId, "normal", 1000, 0, "none"));
    ProcessInstance third = raise(me, request(projectId, "normal", 1000, 0, "none"));
    complete(manager, third, ChangeRequestProcess.TASK_ASSESS, Map.of());
    raise(other, request(projectId, "normal", 1000, 0, "none"));

    ResponseEntity<Map<String, Object>> page = get(me, "/api/my/cases?size=2");
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(((Number) page.getBody().get("total")).longValue()).isEqualTo(3);
    List<Map<String, Object>> items = items(page);
    assertThat(items).extracting(i -> i.get("reference"))
        .containsExactly(requestOf(third).reference(), requestOf(second).reference());
    Map<String, Object> newest = items.get(0);
    assertThat(newest).containsEntry("kind", "change request").containsEntry("title", requestOf(third).title())
        .containsEntry("status", "IN_APPROVAL").containsEntry("role", "raised")
        .containsEntry("projectId", ((Number) projectId).intValue())
        .containsEntry("link", "/api/change-requests/" + requestOf(third).id());
    assertThat((String) newest.get("projectCode")).startsWith("PRJ-");
    Task approval = task(third, ChangeRequestProcess.TASK_PMO_APPROVAL);
    List<Map<String, Object>> waits = list(newest.get("waitsAt"));
    assertThat(waits).hasSize(1);
    assertThat(waits.get(0)).containsEntry("task", requestOf(third).reference() + " Approve change (PMO)")
        .containsEntry("candidateGroups", List.of(Roles.PMO)).doesNotContainKeys("assignee", "tasklistLink");
    assertThat((String) waits.get(0).get("since")).startsWith(approval.getCreateTime().toInstant().toString()
        .substring(0, 16));
    assertThat(list(items.get(1).get("waitsAt")).get(0)).containsEntry("assignee", manager);

    List<Map<String, Object>> secondPage = items(get(me, "/api/my/cases?size=2&page=1"));
    assertThat(secondPage).extracting(i -> i.get("reference")).containsExactly(requestOf(first).reference());

    assertThat(items(get(other, "/api/my/cases?size=200"))).extracting(i -> i.get("reference"))
        .doesNotContain(requestOf(first).reference(), requestOf(second).reference(), requestOf(third).reference())
        .hasSize(1);
    assertThat(rest.getForEntity("/api/my/cases", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get(me, "/api/my/cases?size=500").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    // the page that shows them
    ResponseEntity<String> html = rest.getForEntity("/my-cases/", String.class);
    assertThat(html.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(html.getBody()).contains("My cases", "my-cases.js");
  }

  private ResponseEntity<Map<String, Object>> get(String user, String path) {
    return rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.GET, null, JSON);
  }

  private static List<Map<String, Object>> items(ResponseEntity<Map<String, Object>> page) {
    assertThat(page.getStatusCode()).as(String.valueOf(page.getBody())).isEqualTo(HttpStatus.OK);
    return list(page.getBody().get("items"));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

  private org.camunda.bpm.engine.HistoryService history() {
    return engine.getHistoryService();
  }
}
