package pmo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import pmo.intake.IntakeProcess;
import pmo.intake.IntakeService;
import pmo.intake.Proposal;

/**
 * SQL metacharacters and HTML/script typed into every text field of the start form and of the REST body are stored
 * as the exact text, read back as the exact text, and never change a query. (The auditor page shows them as text:
 * pmo.e2e.AuditorPageTest.)
 */
class InjectionTest extends IntegrationTest {

  static final List<String> PAYLOADS = List.of("Robert'); DROP TABLE project; --", "' OR '1'='1",
      "<script>alert('x')</script>", "<img src=x onerror=alert(1)>", "\"; SELECT pg_sleep(5); --");

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
  };

  @Autowired
  TestRestTemplate rest;
  @Autowired
  IntakeService intake;

  @BeforeEach
  void users() {
    user("rita", Roles.REQUESTERS);
    user("olga", Roles.REQUESTERS, Roles.PMO);
    user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
  }

  @Test
  void everyTextFieldOfTheIntakeStartFormStoresPayloadsVerbatim() throws Exception {
    List<String> textKeys = textFieldsOf("forms/project-intake-start.form");
    assertThat(textKeys).contains("title", "businessCase", "strategicObjective", "expectedBenefits", "sponsor");
    for (String payload : PAYLOADS) {
      Map<String, Object> vars = new HashMap<>(Map.of("sponsor", "sam", "category", "IT", "estimatedBudget", 1,
          "estimatedMonths", 1));
      for (String key : textKeys) {
        if (!key.equals("sponsor")) {
          vars.put(key, key + " " + payload);
        }
      }
      actAs("rita");
      ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(IntakeProcess.KEY, vars);
      identityService.clearAuthentication();
      long id = jdbc.sql("select id from project_proposal where process_instance_id = :pi").param("pi", pi.getId())
          .query(Long.class).single();
      Proposal stored = intake.get(id);
      assertThat(stored.title()).isEqualTo("title " + payload);
      assertThat(stored.businessCase()).isEqualTo("businessCase " + payload);
      assertThat(stored.strategicObjective()).isEqualTo("strategicObjective " + payload);
      assertThat(stored.expectedBenefits()).isEqualTo("expectedBenefits " + payload);

      // a user id field takes no free text: the payload is named and rejected, nothing is stored
      vars.put("sponsor", payload);
      actAs("rita");
      assertThat(failureOf(() -> engine.getRuntimeService().startProcessInstanceByKey(IntakeProcess.KEY, vars)))
          .hasMessageContaining("sponsor: unknown user '" + payload + "'");
      identityService.clearAuthentication();
    }
    assertThat(jdbc.sql("select count(*) from project").query(Long.class).single()).isNotNegative();
  }

  @Test
  void everyTextFieldOfTheProjectBodyStoresPayloadsVerbatimAndQueriesStayParameterised() {
    for (String payload : PAYLOADS) {
      Map<String, Object> body = new HashMap<>();
      body.put("name", "name " + payload);
      body.put("description", "description " + payload);
      body.put("sponsor", "sam");
      body.put("category", "IT");
      body.put("strategicObjective", "objective " + payload);
      body.put("budgetAtCompletion", 1);
      body.put("plannedStart", "2027-01-01");
      body.put("plannedFinish", "2027-02-01");
      body.put("scopeSummary", "scope " + payload);
      ResponseEntity<Map<String, Object>> created = rest.withBasicAuth("olga", PASSWORD)
          .exchange("/api/projects", HttpMethod.POST, new HttpEntity<>(body), JSON);
      assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
      Object id = ((Map<?, ?>) created.getBody().get("project")).get("id");

      Map<String, Object> read = rest.withBasicAuth("rita", PASSWORD)
          .exchange("/api/projects/" + id, HttpMethod.GET, null, JSON).getBody();
      Map<?, ?> project = (Map<?, ?>) read.get("project");
      assertThat(project.get("name")).isEqualTo("name " + payload);
      assertThat(project.get("description")).isEqualTo("description " + payload);
      assertThat(project.get("strategicObjective")).isEqualTo("objective " + payload);
      assertThat(((Map<?, ?>) ((List<?>) read.get("baselines")).get(0)).get("scopeSummary"))
          .isEqualTo("scope " + payload);

      // a payload as a filter value matches nothing instead of everything
      Map<String, Object> page = rest.withBasicAuth("rita", PASSWORD)
          .exchange("/api/projects?manager={m}", HttpMethod.GET, null, JSON, payload).getBody();
      assertThat(page.get("total")).isEqualTo(0);
    }
    assertThat(jdbc.sql("select count(*) from project").query(Long.class).single()).isPositive();
  }

  private static List<String> textFieldsOf(String form) throws Exception {
    try (InputStream in = Files.newInputStream(Path.of(form))) {
      var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
      return FormSchema.parse(new java.io.ByteArrayInputStream(json.toString().getBytes())).keys().stream()
          .filter(key -> {
            for (var c : json.path("components")) {
              if (key.equals(c.path("key").asText())) {
                String type = c.path("type").asText();
                return type.equals("textfield") || type.equals("textarea");
              }
            }
            return false;
          }).toList();
    }
  }
}
