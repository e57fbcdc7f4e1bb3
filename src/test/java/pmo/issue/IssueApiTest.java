package pmo.issue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** /api/issues over real HTTP: every filter, paging, one issue with its escalations, bad parameters, not found. */
class IssueApiTest extends CaseProcessTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
  };

  @Autowired
  TestRestTemplate rest;
  @Autowired
  IssueLog log;

  long projectId;

  @BeforeEach
  void project() {
    projectId = newProject();
  }

  @Test
  void everyFilterPagingAndOneIssueWithItsEscalations() {
    long high = issueId(raise("Build server down", "high", owner));
    long low = issueId(raise("Typo in the manual", "low", otherOwner));
    ProcessInstance criticalCase = raise("Data loss", "critical", owner);
    long critical = issueId(criticalCase);
    ProcessInstance resolvedCase = raise("Printer jam", "medium", otherOwner);
    long resolved = issueId(resolvedCase);
    complete(manager, resolvedCase.getId(), Map.of("severity", "medium", "owner", otherOwner, "needsChange", false));
    complete(otherOwner, resolvedCase.getId(), Map.of("resolution", "Cleared"));

    // the critical issue's SLA (8 hours) passes: it is escalated to the PMO, and open issues past due are overdue
    passTime(timer(criticalCase.getId(), IssueProcess.EVENT_SLA_BREACHED_IN_TRIAGE).getDuedate());
    awaitTask(criticalCase.getId(), IssueProcess.TASK_PMO_REVIEW);

    String inProject = "/api/issues?projectId=" + projectId;
    assertThat(ids(inProject)).containsExactly(resolved, critical, low, high);
    assertThat(ids(inProject + "&severity=CRITICAL")).containsExactly(critical);
    assertThat(ids(inProject + "&severity=LOW")).containsExactly(low);
    assertThat(ids(inProject + "&status=OPEN")).containsExactly(low, high);
    assertThat(ids(inProject + "&status=ESCALATED")).containsExactly(critical);
    assertThat(ids(inProject + "&status=RESOLVED")).containsExactly(resolved);
    assertThat(ids(inProject + "&owner=" + owner)).containsExactly(critical, high);
    assertThat(ids(inProject + "&overdue=true")).containsExactly(critical);
    assertThat(ids(inProject + "&overdue=false")).containsExactly(resolved, low, high);
    assertThat(ids(inProject + "&owner=" + otherOwner + "&status=OPEN&severity=LOW")).containsExactly(low);

    Map<String, Object> details = get("/api/issues/" + critical).getBody();
    assertThat(map(details.get("issue"))).containsEntry("status", "ESCALATED").containsEntry("severity", "CRITICAL")
        .containsEntry("escalationLevel", 1).containsEntry("raisedBy", requester);
    assertThat(list(details.get("escalations"))).singleElement().satisfies(e -> assertThat(e)
        .containsEntry("escalatedTo", "pmo").containsEntry("escalatedToType", "GROUP")
        .containsEntry("rule", "pmo.issue.sla.critical = PT8H").containsEntry("escalatedBy", "system")
        .containsKeys("missedDeadline", "reason", "respondBy", "escalatedAt"));

    // four days on: the high issue (three days) is overdue too; the resolved one never is
    ClockUtil.setCurrentTime(java.util.Date.from(now().plus(java.time.Duration.ofDays(4))));
    assertThat(ids(inProject + "&overdue=true")).containsExactly(critical, high);

    Map<String, Object> page = get(inProject + "&size=3&page=1").getBody();
    assertThat(page).containsEntry("page", 1).containsEntry("size", 3).containsEntry("total", 4);
    assertThat(idsOf(page)).containsExactly(high);

    ResponseEntity<Map<String, Object>> missing = get("/api/issues/987654321");
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(missing.getBody()).containsEntry("detail", "issue 987654321 does not exist");
    ResponseEntity<Map<String, Object>> bad = get("/api/issues?severity=URGENT");
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(list(bad.getBody().get("errors"))).singleElement()
        .satisfies(e -> assertThat(e).containsEntry("field", "severity"));
    assertThat(get("/api/issues?size=0").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  private ProcessInstance raise(String title, String severity, String issueOwner) {
    actAs(requester);
    try {
      return runtime.startProcessInstanceByKey(IssueProcess.KEY, Map.of("projectId", projectId, "title",
          title + " " + unique(), "severity", severity, "owner", issueOwner));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private long issueId(ProcessInstance pi) {
    return jdbc.sql("select id from issue where process_instance_id = :pi").param("pi", pi.getId())
        .query(Long.class).single();
  }

  private List<Long> ids(String path) {
    ResponseEntity<Map<String, Object>> response = get(path);
    assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
    return idsOf(response.getBody());
  }

  private static List<Long> idsOf(Map<String, Object> page) {
    return list(page.get("items")).stream().map(r -> ((Number) r.get("id")).longValue()).toList();
  }

  private ResponseEntity<Map<String, Object>> get(String path) {
    return rest.withBasicAuth(requester, PASSWORD).exchange(path, HttpMethod.GET, null, JSON);
  }
}
