package pmo.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import pmo.IntegrationTest;
import pmo.issue.IssueSeverity;
import pmo.issue.IssueService;
import pmo.issue.NewIssue;
import pmo.performance.StatusReportProcess;
import pmo.platform.Roles;
import pmo.project.ProjectService;
import pmo.project.Stage;

/**
 * The auditor's timeline lists a project's processes whatever started them: every case process a person can start,
 * started each way it can be (a Tasklist start form, which sends the project as an Integer; the REST API; the Java
 * services), the project's lifecycle (started by the system when the project is registered over REST) and a status
 * report (started by the cycle's timer). Each is on the timeline as "Started: ..." by whoever started it, and each of
 * its rows names its case. (A process started by another process, the intake's approval starting the project's
 * lifecycle and the lifecycle calling its gate review, is {@code AuditApiTest}'s finished intake.)
 */
class TimelineEntryPointsTest extends IntegrationTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
  };

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProjectService projects;
  @Autowired
  IssueService issues;

  record Start(String process, String entryPoint, String by, Callable<String> start) {
  }

  @Test
  void everyProcessStartedEachWayIsOnTheProjectsTimelineWithItsCase() throws Exception {
    String auditor = user("audrey", Roles.AUDITORS);
    String requester = user("rita", Roles.REQUESTERS);
    String pmo = user("olga", Roles.REQUESTERS, Roles.PMO);
    String manager = user("paula", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    LocalDate start = LocalDate.now().minusDays(30);
    ResponseEntity<Map<String, Object>> registered = rest.withBasicAuth(pmo, PASSWORD).exchange("/api/projects",
        HttpMethod.POST, new HttpEntity<>(Map.of("name", "Entry points " + unique(), "sponsor", "sam",
            "manager", manager, "category", "IT", "budgetAtCompletion", 100000, "plannedStart", start.toString(),
            "plannedFinish", start.plusDays(200).toString(), "scopeSummary", "Entry points")), JSON);
    assertThat(registered.getStatusCode().value()).as(String.valueOf(registered.getBody())).isEqualTo(201);
    long projectId = ((Number) ((Map<?, ?>) registered.getBody().get("project")).get("id")).longValue();
    projects.moveToStage(projectId, Stage.EXECUTION); // status reports are for projects in execution

    List<Start> starts = List.of(
        new Start("change-request", "Tasklist start form", requester, () -> submitStartForm(requester,
            "change-request", Map.of("projectId", (int) projectId, "title", "Form change " + unique(),
                "description", "d", "reason", "r", "changeType", "normal", "costDelta", 3000,
                "scheduleDeltaDays", 2, "qualityImpact", "minor"))),
        new Start("change-request", "REST", requester, () -> (String) created(requester, "/api/change-requests",
            Map.of("projectId", projectId, "title", "REST change " + unique(), "description", "d", "reason", "r",
                "changeType", "normal", "costDelta", 2000, "scheduleDeltaDays", 1, "qualityImpact", "none"),
            "request").get("processInstanceId")),
        new Start("risk-escalation", "Tasklist start form", requester, () -> submitStartForm(requester,
            "risk-escalation", Map.of("projectId", (int) projectId, "title", "Form risk " + unique(),
                "description", "d", "category", "TECHNICAL", "cause", "c", "effect", "e", "owner", manager))),
        new Start("risk-escalation", "REST", manager, () -> (String) created(manager, "/api/risks",
            Map.of("projectId", projectId, "title", "REST risk " + unique(), "category", "SUPPLIER",
                "owner", manager, "probability", 3, "impact", 4, "monetaryImpact", 50000), "risk")
            .get("processInstanceId")),
        new Start("issue-escalation", "Tasklist start form", requester, () -> submitStartForm(requester,
            "issue-escalation", Map.of("projectId", (int) projectId, "title", "Form issue " + unique(),
                "description", "d", "severity", "high", "owner", manager))),
        new Start("issue-escalation", "Java service", manager, () -> {
          actAs(manager);
          try {
            return issues.raise(new NewIssue(projectId, "Service issue " + unique(), "d", IssueSeverity.MEDIUM,
                manager, null)).processInstanceId();
          } finally {
            identityService.clearAuthentication();
          }
        }),
        new Start("improvement-proposal", "Tasklist start form", requester, () -> submitStartForm(requester,
            "improvement-proposal", Map.of("title", "Form improvement " + unique(), "problem", "p",
                "proposal", "q", "expectedBenefit", "b", "concerns", "change-request", "projectId", (int) projectId))),
        new Start("status-report", "timer (the report cycle)", null, () -> {
          // the earliest timer of the cycle (the job executor may be firing it, with the next one beside it)
          Job cycle = engine.getManagementService().createJobQuery()
              .processDefinitionKey(StatusReportProcess.CYCLE_KEY).timers().withRetriesLeft().orderByJobDuedate().asc()
              .list().get(0);
          engine.getManagementService().executeJob(cycle.getId());
          return jdbc.sql("select process_instance_id from status_report where project_id = :p")
              .param("p", projectId).query(String.class).single();
        }));

    Map<String, Start> started = new LinkedHashMap<>();
    for (Start s : starts) {
      started.put(s.start().call(), s);
    }

    List<Map<String, Object>> timeline = new ArrayList<>();
    for (int n = 0, total = 1; timeline.size() < total; n++) {
      ResponseEntity<Map<String, Object>> page = rest.withBasicAuth(auditor, PASSWORD).exchange(
          "/api/audit/projects/" + projectId + "/timeline?size=200&page=" + n, HttpMethod.GET, null, JSON);
      assertThat(page.getStatusCode().value()).as(String.valueOf(page.getBody())).isEqualTo(200);
      total = ((Number) page.getBody().get("total")).intValue();
      assertThat(items(page.getBody())).as("page " + n).isNotEmpty();
      timeline.addAll(items(page.getBody()));
    }
    List<String> missing = new ArrayList<>();
    Map<String, String> caseOf = new HashMap<>();
    for (var entry : started.entrySet()) {
      Start s = entry.getValue();
      var found = timeline.stream().filter(e -> entry.getKey().equals(e.get("processInstanceId"))
          && "PROCESS".equals(e.get("kind")) && ((String) e.get("title")).startsWith("Started: ")).toList();
      if (found.size() != 1 || (s.by() != null && !s.by().equals(found.get(0).get("actor")))) {
        missing.add(s.process() + " started by " + s.entryPoint() + ": " + found);
      } else {
        caseOf.put(entry.getKey(), (String) found.get(0).get("caseReference"));
      }
    }
    assertThat(missing).as("processes missing from the timeline (or not by whoever started them)").isEmpty();
    assertThat(caseOf).as("every case process names its case").allSatisfy((pi, reference) ->
        assertThat(reference).as(started.get(pi).process()).isNotBlank());
    assertThat(timeline).as("the lifecycle the registration started, by the system, with the project's code")
        .anySatisfy(e -> {
          assertThat((String) e.get("title")).startsWith("Started: Project lifecycle");
          assertThat(e.get("caseReference")).isEqualTo(((Map<?, ?>) registered.getBody().get("project")).get("code"));
        });

    // every row of a case names it, tasks and decisions too; a decision says whose step took it
    for (Map<String, Object> row : timeline) {
      if (caseOf.containsKey((String) row.get("processInstanceId"))) {
        assertThat(row.get("caseReference")).as(String.valueOf(row)).isEqualTo(caseOf.get(row.get("processInstanceId")));
      }
    }
    assertThat(timeline).filteredOn(e -> "DECISION".equals(e.get("kind"))
            && caseOf.containsKey((String) e.get("processInstanceId")))
        .as("decisions of the cases (risk levels, change routes)").isNotEmpty()
        .allSatisfy(e -> assertThat((String) e.get("actor")).isNotBlank());
    assertThat(timeline).filteredOn(e -> "TASK".equals(e.get("kind")))
        .anySatisfy(e -> assertThat(e.get("caseReference")).isNotNull());
  }

  private String submitStartForm(String user, String key, Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    ResponseEntity<Map<String, Object>> started = rest.withBasicAuth(user, PASSWORD).exchange(
        "/engine-rest/process-definition/key/" + key + "/submit-form", HttpMethod.POST,
        new HttpEntity<>(Map.of("variables", variables)), JSON);
    assertThat(started.getStatusCode().value()).as(key + " " + started.getBody()).isEqualTo(200);
    return (String) started.getBody().get("id");
  }

  private Map<?, ?> created(String user, String path, Map<String, Object> body, String field) {
    ResponseEntity<Map<String, Object>> response = rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.POST,
        new HttpEntity<>(body), JSON);
    assertThat(response.getStatusCode().value()).as(path + " " + response.getBody()).isEqualTo(201);
    // the answer is the case itself, or holds it under its name
    return response.getBody().get(field) instanceof Map<?, ?> inner ? inner : response.getBody();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> items(Map<String, Object> page) {
    return (List<Map<String, Object>>) page.get("items");
  }
}
