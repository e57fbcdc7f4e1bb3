package pmo.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import pmo.IntegrationTest;
import pmo.intake.Proposals;
import pmo.platform.Roles;
import pmo.platform.Viewer;
import pmo.project.NewProject;
import pmo.project.Project;
import pmo.project.ProjectService;

/**
 * Pickers instead of typed ids (README, "Pickers instead of ids"): each start and task form with a project or person
 * picker, fetched through the engine as a user, carries the current options (a project registered since appears, a
 * cancelled one does not, a person of the role appears), a task's own value stays shown even when it no longer
 * qualifies, a picked value starts the process through the engine REST API as Tasklist sends it, and an option list
 * sent along is refused like any variable the form does not have.
 */
class FormPickersTest extends IntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
  };
  private static final List<String> PROJECT_STARTS = List.of("change-request", "risk-escalation",
      "issue-escalation", "improvement-proposal");

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProjectService projects;
  @Autowired
  ObjectProvider<FormOptions> sources;

  String rita;
  String paula;
  String olga;
  String sam;

  @BeforeEach
  void people() {
    rita = user("rita", Roles.REQUESTERS);
    paula = user("paula", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    olga = user("olga", Roles.REQUESTERS, Roles.PMO);
    sam = user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
  }

  @Test
  void startFormsOfferTheRunningProjectsOfTheMoment() {
    Project before = project();
    for (String key : PROJECT_STARTS) {
      JsonNode picker = picker(startForm(rita, key), "projectId");
      assertThat(picker.has("valuesKey")).as(key).isFalse();
      assertThat(picker.path("searchable").asBoolean()).as(key).isTrue();
      assertThat(options(picker)).as(key).containsEntry(before.code() + " " + before.name(), (Object) before.id());
    }
    Project later = project();
    Project cancelled = project();
    projects.cancel(cancelled.id(), "No longer needed");
    for (String key : PROJECT_STARTS) {
      Map<String, Object> options = options(picker(startForm(rita, key), "projectId"));
      assertThat(options).as(key + ": registered since the last fetch").containsEntry(later.code() + " "
          + later.name(), (Object) later.id());
      assertThat(options.values()).as(key + ": cancelled").doesNotContain(cancelled.id());
      assertThat(options.size()).as(key).isLessThanOrEqualTo(FormOptions.LIMIT);
    }
  }

  @Test
  void startFormsOfferThePeopleOfTheRole() {
    String sponsor = person("sponsor", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    String owner = person("owner", Roles.REQUESTERS);
    Map<String, Object> sponsors = options(picker(startForm(rita, "project-intake"), "sponsor"));
    assertThat(sponsors).containsEntry("Ada " + sponsor + " (" + sponsor + ")", sponsor)
        .containsEntry("sam Test (sam)", sam);
    assertThat(sponsors.values()).as("sponsors are the steering committee").doesNotContain(rita, owner);
    for (String key : List.of("risk-escalation", "issue-escalation")) {
      assertThat(options(picker(startForm(rita, key), "owner"))).as(key)
          .containsEntry("Ada " + owner + " (" + owner + ")", owner).containsEntry("paula Test (paula)", paula);
    }
  }

  @Test
  void taskFormsOfferFreshOptionsAndKeepTheTasksOwnValue() {
    Project project = project();
    String risk = start(rita, "risk-escalation", Map.of("projectId", project.id(), "title", "Picked risk "
        + unique(), "description", "d", "category", "TECHNICAL", "cause", "c", "effect", "e", "owner", paula)).getId();
    JsonNode owner = picker(taskForm(paula, risk), "owner");
    assertThat(owner.path("readonly").asBoolean()).isTrue();
    assertThat(options(owner)).containsEntry("paula Test (paula)", paula);

    String issue = start(rita, "issue-escalation", Map.of("projectId", project.id(), "title", "Picked issue "
        + unique(), "description", "d", "severity", "high", "owner", paula)).getId();
    String newcomer = person("newcomer", Roles.REQUESTERS);
    assertThat(options(picker(taskForm(paula, issue), "owner"))).as("a colleague added since")
        .containsEntry("Ada " + newcomer + " (" + newcomer + ")", newcomer);

    String intake = start(rita, "project-intake", Proposals.startVariables("Picked intake " + unique(), sam)).getId();
    assertThat(options(picker(taskForm(olga, intake), "sponsor"))).containsEntry("sam Test (sam)", sam);

    // the project a proposal came up in was cancelled since: its evaluation still shows it by code and name
    Project gone = project();
    String proposal = start(rita, "improvement-proposal", Map.of("title", "Picked proposal " + unique(), "problem",
        "p", "proposal", "q", "expectedBenefit", "b", "concerns", "change-request", "projectId", gone.id())).getId();
    projects.cancel(gone.id(), "Stopped");
    Map<String, Object> shown = options(picker(taskForm(olga, proposal), "projectId"));
    assertThat(shown).containsEntry(gone.code() + " " + gone.name(), (Object) gone.id());
    assertThat(options(picker(startForm(rita, "improvement-proposal"), "projectId")).values())
        .doesNotContain(gone.id());
  }

  /** Every picker of every form in forms/ is filled (task forms not reached above included). */
  @Test
  void everyPickerOfEveryFormIsFilled() throws IOException {
    FormPickers pickers = new FormPickers(() -> sources.orderedStream().toList());
    List<String> known = sources.orderedStream().flatMap(s -> s.keys().stream()).toList();
    List<String> filled = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        List<String> keys = new ArrayList<>();
        selects(JSON.readTree(file.toFile()), known, keys);
        if (keys.isEmpty()) {
          continue;
        }
        JsonNode form;
        try (InputStream rewritten = pickers.rewrite(Files.newInputStream(file), new Viewer(rita,
            java.util.Set.of(Roles.REQUESTERS)), null)) {
          form = JSON.readTree(rewritten);
        }
        for (String key : keys) {
          JsonNode picker = findSelect(form, key);
          assertThat(picker.has("valuesKey")).as(file + " " + key).isFalse();
          assertThat(picker.path("values").size()).as(file + " " + key).isPositive();
          filled.add(file.getFileName() + ":" + key);
        }
        assertThat(form.path("schemaVersion").asInt()).isEqualTo(JSON.readTree(file.toFile()).path("schemaVersion")
            .asInt());
      }
    }
    assertThat(filled).as("pickers in forms/").hasSizeGreaterThanOrEqualTo(23);
  }

  /** As Tasklist does: fetch the start form, pick, submit; an option list sent along is refused naming it. */
  @Test
  void aPickedValueStartsTheProcessAndAForgedOptionListIsRefused() {
    Project project = project();
    Map<String, Map<String, Object>> starts = new LinkedHashMap<>();
    starts.put("change-request", new HashMap<>(Map.of("title", "Picked change " + unique(), "description", "d",
        "reason", "r", "changeType", "normal", "costDelta", 1000, "scheduleDeltaDays", 0, "qualityImpact", "none")));
    starts.put("risk-escalation", new HashMap<>(Map.of("title", "Picked risk " + unique(), "description", "d",
        "category", "TECHNICAL", "cause", "c", "effect", "e")));
    starts.put("issue-escalation", new HashMap<>(Map.of("title", "Picked issue " + unique(), "description", "d",
        "severity", "high")));
    starts.put("improvement-proposal", new HashMap<>(Map.of("title", "Picked proposal " + unique(), "problem", "p",
        "proposal", "q", "expectedBenefit", "b", "concerns", "change-request")));
    starts.put("project-intake", new HashMap<>(Proposals.startVariables("Picked intake " + unique(), null)));
    starts.get("project-intake").remove("sponsor");
    for (var entry : starts.entrySet()) {
      String key = entry.getKey();
      JsonNode form = restStartForm(rita, key);
      Map<String, Object> values = entry.getValue();
      Map<String, String> forged = new HashMap<>();
      for (String field : List.of("projectId", "owner", "sponsor")) {
        if (!hasSelect(form, field)) {
          continue;
        }
        JsonNode picker = findSelect(form, field);
        Object picked = switch (field) {
          case "projectId" -> pick(picker, project.code() + " ");
          case "owner" -> pick(picker, "paula Test (paula)");
          default -> pick(picker, "sam Test (sam)");
        };
        values.put(field, picked);
        forged.put(switch (field) {
          case "projectId" -> "runningProjects";
          case "owner" -> "staff";
          default -> "sponsors";
        }, "[{\"label\":\"Someone else\",\"value\":\"mallory\"}]");
      }
      assertThat(values).as(key + " has a picker").containsAnyOf(Map.entry("owner", paula),
          Map.entry("sponsor", sam), Map.entry("projectId", project.id()), Map.entry("projectId", (int) project.id()));

      Map<String, Object> withForgery = new HashMap<>(values);
      withForgery.putAll(forged);
      ResponseEntity<Map<String, Object>> refused = submitStartForm(rita, key, withForgery);
      assertThat(refused.getStatusCode().value()).as(key + " " + refused.getBody()).isEqualTo(400);
      forged.keySet().forEach(name -> assertThat(String.valueOf(refused.getBody())).as(key)
          .contains(name).contains("is not a field of the start form"));

      ResponseEntity<Map<String, Object>> started = submitStartForm(rita, key, values);
      assertThat(started.getStatusCode().value()).as(key + " " + started.getBody()).isEqualTo(200);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceId((String) started.getBody().get("id")).count()).isEqualTo(1);
    }
  }

  private Project project() {
    return projects.register(new NewProject(null, "Picker " + unique(), "A project to pick", sam, paula, "IT",
        "Operational excellence", new BigDecimal("100000.00"), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 10),
        "Scope")).project();
  }

  /** A new user of these groups whose name sorts first ("Ada ..."), well within the pickers' limit. */
  private String person(String role, String... groups) {
    String id = user(role + "-" + unique(), groups);
    User user = identityService.createUserQuery().userId(id).singleResult();
    user.setFirstName("Ada");
    user.setLastName(id);
    identityService.saveUser(user);
    return id;
  }

  private JsonNode startForm(String user, String processKey) {
    actAs(user);
    try {
      String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey)
          .latestVersion().singleResult().getId();
      return read(engine.getFormService().getDeployedStartForm(definition));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private JsonNode taskForm(String user, String processInstanceId) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult();
    assertThat(task).as("the open task of " + processInstanceId).isNotNull();
    return fetchedTaskForm(user, task);
  }


  private JsonNode restStartForm(String user, String processKey) {
    ResponseEntity<String> form = rest.withBasicAuth(user, PASSWORD).getForEntity(
        "/engine-rest/process-definition/key/" + processKey + "/deployed-start-form", String.class);
    assertThat(form.getStatusCode().value()).as(processKey + " " + form.getBody()).isEqualTo(200);
    try {
      return JSON.readTree(form.getBody());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private ResponseEntity<Map<String, Object>> submitStartForm(String user, String key, Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return rest.withBasicAuth(user, PASSWORD).exchange("/engine-rest/process-definition/key/" + key
        + "/submit-form", HttpMethod.POST, new HttpEntity<>(Map.of("variables", variables)), MAP);
  }

  private static JsonNode read(InputStream form) {
    try (form) {
      return JSON.readTree(form);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The value of the option whose label starts with {@code label}, as a JSON number or text. */
  private static Object pick(JsonNode picker, String label) {
    for (JsonNode option : picker.path("values")) {
      if (option.path("label").asText().startsWith(label)) {
        JsonNode value = option.path("value");
        return value.isNumber() ? value.numberValue() : value.asText();
      }
    }
    throw new AssertionError("no option '" + label + "' in " + picker);
  }

  private static JsonNode picker(JsonNode form, String key) {
    JsonNode select = findSelect(form, key);
    assertThat(select.path("type").asText()).as(key).isEqualTo("select");
    return select;
  }

  private static boolean hasSelect(JsonNode form, String key) {
    for (JsonNode component : form.path("components")) {
      if ((key.equals(component.path("key").asText()) && "select".equals(component.path("type").asText()))
          || hasSelect(component, key)) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode findSelect(JsonNode node, String key) {
    for (JsonNode component : node.path("components")) {
      if (key.equals(component.path("key").asText()) && "select".equals(component.path("type").asText())) {
        return component;
      }
      if (hasSelect(component, key)) {
        return findSelect(component, key);
      }
    }
    throw new AssertionError("no select '" + key + "' in the form");
  }

  private static void selects(JsonNode node, List<String> known, List<String> keys) {
    for (JsonNode component : node.path("components")) {
      if ("select".equals(component.path("type").asText())
          && known.contains(component.path("valuesKey").asText())) {
        keys.add(component.path("key").asText());
      }
      selects(component, known, keys);
    }
  }

  /** label → value (a project id as a long, a user id as text). */
  private static Map<String, Object> options(JsonNode picker) {
    Map<String, Object> options = new LinkedHashMap<>();
    for (JsonNode option : picker.path("values")) {
      JsonNode value = option.path("value");
      options.put(option.path("label").asText(), value.isNumber() ? (Object) value.asLong() : value.asText());
    }
    return options;
  }
}
