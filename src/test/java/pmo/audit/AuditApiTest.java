package pmo.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import pmo.IntegrationTest;
import pmo.intake.IntakeProcess;
import pmo.intake.Proposals;
import pmo.platform.Roles;
import pmo.project.NewProject;
import pmo.project.ProjectService;

/** The auditor's API over HTTP: filters and paging, the CSV export, a finished process's timeline. */
class AuditApiTest extends IntegrationTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
  };

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProjectService projects;
  @Autowired
  RuntimeService runtime;
  @Autowired
  AuditSealer sealer;
  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

  String auditor;

  @BeforeEach
  void users() {
    auditor = user("audrey", Roles.AUDITORS);
    user("rita", Roles.REQUESTERS);
    user("olga", Roles.REQUESTERS, Roles.PMO);
    user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    user("paula", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
  }

  @Test
  void filtersByProjectActorActionAndTimeWithPaging() {
    OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);
    actAs("olga");
    long projectId = projects.register(new NewProject(null, "Audited " + unique(), null, "sam", null, "IT", null,
        BigDecimal.ONE, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 1), "scope")).project().id();
    identityService.clearAuthentication();

    String ofProject = "/api/audit?projectId=" + projectId + "&entityType=PROJECT";
    assertThat(items(get("/api/audit?projectId=" + projectId).getBody())).extracting(e -> e.get("action"))
        .containsExactly("LIFECYCLE_STARTED", "BASELINE_CREATED", "PROJECT_REGISTERED");
    Map<String, Object> page = get("/api/audit?projectId=" + projectId + "&size=1").getBody();
    assertThat(page).containsEntry("total", 3).containsEntry("size", 1);
    assertThat(items(page)).singleElement().satisfies(e -> assertThat(e).containsEntry("action", "LIFECYCLE_STARTED"));
    assertThat(items(get(ofProject + "&size=1&page=0").getBody())).singleElement()
        .satisfies(e -> assertThat(e).containsEntry("action", "PROJECT_REGISTERED").containsEntry("actor", "olga"));
    assertThat(items(get("/api/audit?projectId=" + projectId + "&action=PROJECT_REGISTERED&actor=olga&from="
        + before.toInstant()).getBody())).hasSize(1);
    assertThat(items(get("/api/audit?projectId=" + projectId + "&actor=nobody").getBody())).isEmpty();
    assertThat(get("/api/audit?from=2027-01-02T00:00:00Z&to=2027-01-01T00:00:00Z").getStatusCode().value())
        .isEqualTo(400);
    assertThat(get("/api/audit?size=500").getStatusCode().value()).isEqualTo(400);
  }

  @Test
  void exportsTheTrailAsCsv() throws Exception {
    actAs("olga");
    long projectId = projects.register(new NewProject(null, "Export, \"quoted\" " + unique(), null, "sam", null, "IT",
        null, BigDecimal.ONE, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 1), "multi\nline scope")).project().id();
    identityService.clearAuthentication();
    sealer.sealNow();

    ResponseEntity<String> csv = rest.withBasicAuth(auditor, PASSWORD)
        .getForEntity("/api/audit/export?projectId=" + projectId, String.class);
    assertThat(csv.getStatusCode().value()).isEqualTo(200);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(csv.getBody()).as("a byte order mark, then the header").startsWith("\uFEFFid,seq,");
    List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv.getBody())).getRecords();
    assertThat(rows).extracting(r -> r.get("action"))
        .containsExactly("PROJECT_REGISTERED", "BASELINE_CREATED", "LIFECYCLE_STARTED");
    assertThat(rows.get(0).get("actor")).isEqualTo("olga");
    assertThat(rows.get(0).get("after_state")).contains("\"Export, \\\"quoted\\\" ");
    assertThat(rows.get(1).get("after_state")).contains("multi\\nline scope");
    assertThat(rows.get(0).get("hash")).hasSize(64);
  }

  @Test
  void timelineOfAFinishedIntakeShowsProcessTasksWhoCompletedThemAndDomainChanges() {
    ProcessInstance pi = start("rita", IntakeProcess.KEY, Proposals.startVariables("Timeline " + unique(), "sam"));
    complete("olga", pi.getId(), Map.of("screeningDecision", "complete"));
    complete("sam", pi.getId(), Map.of("sponsorDecision", "approve", "projectManager", "paula",
        "plannedStart", LocalDate.now().plusDays(3).toString()));
    org.awaitility.Awaitility.await().until(() -> runtime.createProcessInstanceQuery().processInstanceId(pi.getId())
        .count() == 0);
    long projectId = ((Number) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName("projectId").singleResult().getValue()).longValue();

    List<Map<String, Object>> entries = items(get("/api/audit/projects/" + projectId + "/timeline").getBody());
    assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("kind", "PROCESS")
        .containsEntry("title", "Started: Project intake v1").containsEntry("actor", "rita"));
    assertThat(entries).anySatisfy(e -> assertThat((String) e.get("title")).startsWith("Ended: Project intake"));
    assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("kind", "TASK")
        .containsEntry("title", "PRP-" + proposalIdOf(pi) + " Screen proposal (completed)")
        .containsEntry("actor", "olga"));
    assertThat(entries).anySatisfy(e -> {
      assertThat(e).containsEntry("kind", "TASK").containsEntry("actor", "sam");
      assertThat(e.get("title")).isEqualTo("Completed: PRP-" + proposalIdOf(pi) + " Approve as sponsor");
      assertThat((String) ((Map<?, ?>) e.get("details")).get("after")).contains("\"sponsorDecision\":\"approve\"");
    });
    assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("kind", "VARIABLE")
        .containsEntry("title", "screeningDecision = complete"));
    assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("kind", "DOMAIN")
        .containsEntry("title", "PROPOSAL_APPROVED PROJECT_PROPOSAL " + proposalIdOf(pi)));
    assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("kind", "DOMAIN")
        .containsEntry("title", "PROJECT_REGISTERED PROJECT " + projectId));
    // the instances come from the case tables (the proposal, the project's lifecycle) and those they called
    assertThat(entries).anySatisfy(e -> assertThat((String) e.get("title")).startsWith("Started: Project lifecycle"));
    assertThat(entries).anySatisfy(e -> assertThat((String) e.get("title")).startsWith("Started: Gate review"));
    assertThat(entries).anySatisfy(e -> {
      assertThat(e).containsEntry("kind", "TASK");
      // the gate review's reference is its project's code
      assertThat((String) e.get("title")).matches("PRJ-\\d+ Submit gate package \\(open\\)");
    });
    assertThat(entries).extracting(e -> OffsetDateTime.parse((String) e.get("at"))).isSortedAccordingTo(
        java.util.Comparator.naturalOrder());
    assertThat(get("/api/audit/projects/987654321/timeline").getStatusCode().value()).isEqualTo(404);
    assertThat(items(get("/api/audit/projects/" + projectId + "/timeline?kind=TASK").getBody()))
        .allSatisfy(e -> assertThat(e).containsEntry("kind", "TASK"));
  }

  /**
   * Processes started from Tasklist's start forms (which send the project as an Integer, not a Long) appear in the
   * project's timeline with their tasks: the timeline finds instances through the case tables, not a typed variable.
   */
  @Test
  void processesStartedFromTasklistStartFormsAreOnTheTimeline() {
    actAs("olga");
    long projectId = projects.register(new NewProject(null, "From Tasklist " + unique(), null, "sam", "paula", "IT",
        null, new BigDecimal("100000"), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 30), "scope")).project().id();
    identityService.clearAuthentication();
    String change = submitStartForm("rita", "change-request", Map.of("projectId", (int) projectId,
        "title", "Start form change " + unique(), "description", "d", "reason", "r", "changeType", "normal",
        "costDelta", 3000, "scheduleDeltaDays", 2, "qualityImpact", "minor"));
    String risk = submitStartForm("rita", "risk-escalation", Map.of("projectId", (int) projectId,
        "title", "Start form risk " + unique(), "description", "d", "category", "TECHNICAL", "cause", "c",
        "effect", "e", "owner", "paula"));

    List<Map<String, Object>> processes = items(get("/api/audit/projects/" + projectId + "/timeline?kind=PROCESS")
        .getBody());
    assertThat(processes).anySatisfy(e -> assertThat(e).containsEntry("processInstanceId", change)
        .containsEntry("title", "Started: Change request v" + version("change-request")).containsEntry("actor", "rita"));
    assertThat(processes).anySatisfy(e -> assertThat(e).containsEntry("processInstanceId", risk)
        .containsEntry("actor", "rita"));
    assertThat(items(get("/api/audit/projects/" + projectId + "/timeline?kind=TASK").getBody()))
        .anySatisfy(e -> assertThat(e).containsEntry("processInstanceId", change));
  }

  private String submitStartForm(String user, String key, Map<String, Object> values) {
    Map<String, Object> variables = new java.util.HashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    ResponseEntity<Map<String, Object>> started = rest.withBasicAuth(user, PASSWORD).exchange(
        "/engine-rest/process-definition/key/" + key + "/submit-form", HttpMethod.POST,
        new org.springframework.http.HttpEntity<>(Map.of("variables", variables)), JSON);
    assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(200);
    return (String) started.getBody().get("id");
  }

  private int version(String key) {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
        .singleResult().getVersion();
  }

  /**
   * Long lists: the total is counted up to 10,000 (beyond that, "10,000 or more"); keyset pages ({@code after} the
   * {@code next} of the page before) give what offset pages give; a time window comes newest first by time.
   */
  @Test
  void countsUpToTheLimitAndPagesByKeyset() {
    String action = "PAGING_" + unique().toUpperCase();
    OffsetDateTime at = OffsetDateTime.parse("2020-03-01T12:00:00Z");
    List<Object[]> rows = new java.util.ArrayList<>();
    for (int i = 0; i < pmo.platform.Page.COUNT_LIMIT + 5; i++) {
      // times run against ids here, so the time window's order shows
      rows.add(new Object[] {at.minusSeconds(i), "paging-test", action, "PAGING", String.valueOf(i)});
    }
    jdbcTemplate.batchUpdate("insert into audit_event (occurred_at, actor, action, entity_type, entity_id)"
        + " values (?, ?, ?, ?, ?)", rows);

    Map<String, Object> first = get("/api/audit?action=" + action + "&size=3").getBody();
    assertThat(first).containsEntry("total", pmo.platform.Page.COUNT_LIMIT).containsEntry("totalExact", false);
    Map<String, Object> second = get("/api/audit?action=" + action + "&size=3&page=1").getBody();
    Map<String, Object> byKeyset = get("/api/audit?action=" + action + "&size=3&after=" + first.get("next"))
        .getBody();
    assertThat(items(byKeyset)).extracting(e -> e.get("id")).containsExactlyElementsOf(
        items(second).stream().map(e -> e.get("id")).toList());
    assertThat(first.get("next")).isEqualTo(items(first).get(2).get("id"));

    Map<String, Object> window = get("/api/audit?action=" + action + "&from=2020-02-01T00:00:00Z"
        + "&to=2020-03-01T11:59:58Z&size=2").getBody();
    assertThat(items(window)).extracting(e -> e.get("entityId")).containsExactly("3", "4");
    assertThat(window).doesNotContainKey("next");

    Map<String, Object> exact = get("/api/audit?action=" + action + "&entityId=7").getBody();
    assertThat(exact).containsEntry("total", 1).containsEntry("totalExact", true).doesNotContainKey("next");
    assertThat(get("/api/audit?action=" + action + "&page=1&after=5").getStatusCode().value()).isEqualTo(400);
    assertThat(get("/api/audit?action=" + action + "&after=0").getStatusCode().value()).isEqualTo(400);
    assertThat(get("/api/audit?from=2020-02-01T00:00:00Z&after=5").getStatusCode().value()).isEqualTo(400);
    sealer.sealNow();
  }

  private String proposalIdOf(ProcessInstance pi) {
    return jdbc.sql("select id from project_proposal where process_instance_id = :pi").param("pi", pi.getId())
        .query(String.class).single();
  }


  private ResponseEntity<Map<String, Object>> get(String path) {
    return rest.withBasicAuth(auditor, PASSWORD).exchange(path, HttpMethod.GET, null, JSON);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> items(Map<String, Object> page) {
    return (List<Map<String, Object>>) page.get("items");
  }
}
