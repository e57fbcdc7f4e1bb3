package pmo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import pmo.IntegrationTest;
import pmo.platform.Roles;
import pmo.project.NewProject;
import pmo.project.ProjectService;

/**
 * SQL metacharacters and HTML/script typed into every free-text field of every start form and of every REST body
 * that creates a record are stored as the exact text, read back as the exact text, and never change a query; typed
 * into a field that takes a user id they are rejected with the field named. (The auditor page shows such text as
 * text: pmo.e2e.AuditorPageIT.) The forms' text fields are read from forms/, so a new field is covered by itself.
 */
class InjectionTest extends IntegrationTest {

  static final List<String> PAYLOADS = List.of("Robert'); DROP TABLE project; --", "' OR '1'='1",
      "<script>alert('x')</script>", "<img src=x onerror=alert(1)>", "\"; SELECT pg_sleep(5); --");

  /** Fields that name a user: no free text. */
  static final Set<String> USER_FIELDS = Set.of("sponsor", "owner");

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
  };

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProjectService projects;

  long projectId;

  @BeforeEach
  void users() {
    user("rita", Roles.REQUESTERS);
    user("olga", Roles.REQUESTERS, Roles.PMO);
    user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    user("paula", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    user("audrey", Roles.AUDITORS);
    projectId = projects.register(new NewProject(null, "Injection target " + unique(), null, "sam", "paula", "IT",
        null, new BigDecimal("100000"), LocalDate.now().plusDays(1), LocalDate.now().plusMonths(6), "scope"))
        .project().id();
  }

  @Test
  void everyTextFieldOfEveryStartFormStoresPayloadsVerbatim() throws Exception {
    check("project-intake", "project-intake-start", "project_proposal",
        Map.of("sponsor", "sam", "category", "IT", "estimatedBudget", 1, "estimatedMonths", 1));
    check("change-request", "change-request-start", "change_request", Map.of("projectId", projectId,
        "changeType", "normal", "costDelta", 100, "scheduleDeltaDays", 1, "qualityImpact", "none"));
    check("risk-escalation", "risk-escalation-start", "risk", Map.of("projectId", projectId, "category", "TECHNICAL",
        "owner", "paula"));
    check("issue-escalation", "issue-escalation-start", "issue", Map.of("projectId", projectId, "severity", "low",
        "owner", "paula"));
  }

  /** Starts the process once per payload with the payload in every free-text field, then reads the row back. */
  private void check(String processKey, String form, String table, Map<String, Object> other) throws Exception {
    List<String> textKeys = textFields(form);
    assertThat(textKeys).as(form).isNotEmpty();
    for (String payload : PAYLOADS) {
      Map<String, Object> vars = new HashMap<>(other);
      textKeys.forEach(key -> vars.put(key, key + " " + payload));
      ProcessInstance pi = start("rita", processKey, vars);
      Map<String, Object> row = jdbc.sql("select * from " + table + " where process_instance_id = :pi")
          .param("pi", pi.getId()).query().singleRow();
      for (String key : textKeys) {
        assertThat(row.get(column(key))).as(form + " " + key).isEqualTo(key + " " + payload);
      }
      for (String userField : USER_FIELDS) {
        if (other.containsKey(userField)) {
          Map<String, Object> bad = new HashMap<>(vars);
          bad.put(userField, payload);
          assertThat(failureOf(() -> start("rita", processKey, bad))).as(form + " " + userField)
              .hasMessageContaining(userField).hasMessageContaining(payload);
        }
      }
    }
  }

  @Test
  void everyTextFieldOfEveryRestBodyStoresPayloadsVerbatimAndQueriesStayParameterised() {
    for (String payload : PAYLOADS) {
      Map<String, Object> project = new HashMap<>(Map.of("sponsor", "sam", "category", "IT", "budgetAtCompletion", 1,
          "plannedStart", "2027-01-01", "plannedFinish", "2027-02-01"));
      putText(project, payload, "name", "description", "strategicObjective", "scopeSummary");
      Map<String, Object> created = post("/api/projects", project);
      Map<?, ?> stored = (Map<?, ?>) created.get("project");
      assertThat(stored.get("name")).isEqualTo("name " + payload);
      assertThat(stored.get("description")).isEqualTo("description " + payload);
      assertThat(stored.get("strategicObjective")).isEqualTo("strategicObjective " + payload);
      assertThat(((Map<?, ?>) ((List<?>) created.get("baselines")).get(0)).get("scopeSummary"))
          .isEqualTo("scopeSummary " + payload);

      Map<String, Object> change = new HashMap<>(Map.of("projectId", projectId, "changeType", "normal",
          "costDelta", 100, "scheduleDeltaDays", 1, "qualityImpact", "none"));
      putText(change, payload, "title", "description", "reason", "scopeChange", "riskNotes");
      Map<String, Object> changeRow = row("change_request", post("/api/change-requests", change));
      for (String key : List.of("title", "description", "reason", "scopeChange", "riskNotes")) {
        assertThat(changeRow.get(column(key))).as("change request " + key).isEqualTo(key + " " + payload);
      }

      Map<String, Object> risk = new HashMap<>(Map.of("projectId", projectId, "category", "TECHNICAL",
          "owner", "paula", "probability", 2, "impact", 2));
      putText(risk, payload, "title", "description", "cause", "effect");
      Map<String, Object> riskRow = row("risk", post("/api/risks", risk));
      for (String key : List.of("title", "description", "cause", "effect")) {
        assertThat(riskRow.get(column(key))).as("risk " + key).isEqualTo(key + " " + payload);
      }

      // a payload as a filter value matches nothing instead of everything, or is refused as not a value at all
      assertThat(total("olga", "/api/projects?manager={v}", payload)).isZero();
      assertThat(total("olga", "/api/risks?owner={v}", payload)).isZero();
      assertThat(total("audrey", "/api/audit?actor={v}", payload)).isZero();
      assertThat(rest.withBasicAuth("olga", PASSWORD).exchange("/api/change-requests?status={v}", HttpMethod.GET,
          null, JSON, payload).getStatusCode().value()).isEqualTo(400);
    }
    assertThat(jdbc.sql("select count(*) from project").query(Long.class).single()).isPositive();
  }

  private long total(String user, String path, String value) {
    ResponseEntity<Map<String, Object>> page = rest.withBasicAuth(user, PASSWORD)
        .exchange(path, HttpMethod.GET, null, JSON, value);
    assertThat(page.getStatusCode().value()).as(path + " " + page.getBody()).isEqualTo(200);
    return ((Number) page.getBody().get("total")).longValue();
  }

  private Map<String, Object> post(String path, Map<String, Object> body) {
    ResponseEntity<Map<String, Object>> response = rest.withBasicAuth("olga", PASSWORD)
        .exchange(path, HttpMethod.POST, new HttpEntity<>(body), JSON);
    assertThat(response.getStatusCode().value()).as(path + " " + response.getBody()).isEqualTo(201);
    return response.getBody();
  }

  /** The row of the record a POST created (its id is at the top level or under the record's name). */
  private Map<String, Object> row(String table, Map<String, Object> created) {
    Object id = created.containsKey("id") ? created.get("id")
        : created.values().stream().filter(v -> v instanceof Map<?, ?> m && m.containsKey("id"))
            .map(v -> ((Map<?, ?>) v).get("id")).findFirst().orElseThrow();
    return jdbc.sql("select * from " + table + " where id = :id").param("id", ((Number) id).longValue()).query()
        .singleRow();
  }

  private static void putText(Map<String, Object> body, String payload, String... keys) {
    for (String key : keys) {
      body.put(key, key + " " + payload);
    }
  }

  private static String column(String key) {
    return key.replaceAll("([A-Z])", "_$1").toLowerCase();
  }

  /** The free-text fields (textfield, textarea) of a form, except those that take a user id. */
  private static List<String> textFields(String form) throws Exception {
    JsonNode root = new ObjectMapper().readTree(new File("forms/" + form + ".form"));
    List<String> keys = new ArrayList<>();
    collect(root, keys);
    return keys;
  }

  private static void collect(JsonNode node, List<String> keys) {
    for (JsonNode c : node.path("components")) {
      String type = c.path("type").asText();
      if ((type.equals("textfield") || type.equals("textarea")) && c.hasNonNull("key")
          && !c.path("readonly").asBoolean(false) && !USER_FIELDS.contains(c.path("key").asText())) {
        keys.add(c.path("key").asText());
      }
      collect(c, keys);
    }
  }
}
