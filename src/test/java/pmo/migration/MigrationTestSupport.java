package pmo.migration;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import pmo.IntegrationTest;
import pmo.change.ChangeRequestProcess;
import pmo.platform.Roles;
import pmo.project.NewProject;
import pmo.project.ProjectService;

/**
 * What the migration tests share: the people, a change request waiting at its PMO approval on the current version of
 * change-request.bpmn, and a next version deployed by a process owner the way Camunda Modeler deploys. Each test
 * deletes its deployment afterwards with cascade (its instances and their history go with it), so the latest
 * change-request definition, which other tests start, is the application's own again.
 */
abstract class MigrationTestSupport extends IntegrationTest {

  @Autowired
  ProjectService projects;
  @Autowired
  RepositoryService repository;

  String owner;
  String requester;
  String manager;
  String pmo;
  String auditor;
  private String deployment;

  @BeforeEach
  void people() {
    owner = user("owen", Roles.PROCESS_OWNERS);
    requester = user("rita", Roles.REQUESTERS);
    manager = user("paula", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    pmo = user("olga", Roles.REQUESTERS, Roles.PMO);
    auditor = user("audrey", Roles.AUDITORS);
    user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
  }

  @AfterEach
  void deleteDeployment() {
    if (deployment != null) {
      // the job executor may be running an asynchronous step of an instance on this version (a migrated request
      // decided in the test moves on to its notices): the cascading delete then loses an optimistic lock, and a
      // version left deployed would become every later test's latest change-request: tried again until it goes
      String id = deployment;
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(
          org.camunda.bpm.engine.OptimisticLockingException.class).until(() -> system.call(() -> {
            repository.deleteDeployment(id, true, true);
            return true;
          }));
      deployment = null;
    }
  }

  long project() {
    return projects.register(new NewProject(null, "Migration target " + unique(), "A project whose change moves",
        "sam", manager, "IT", "Operational excellence", new BigDecimal("100000.00"), LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 4, 10), "Build the reporting hub")).project().id();
  }

  /** A small normal change, raised by the requester and assessed: it waits at the PMO approval. */
  ProcessInstance waitingAtPmoApproval(long projectId) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("projectId", projectId);
    vars.put("title", "Migrated change " + unique());
    vars.put("description", "Add the regional sales reports");
    vars.put("reason", "Regions need their own figures");
    vars.put("changeType", "normal");
    vars.put("costDelta", 3000);
    vars.put("scheduleDeltaDays", 5);
    vars.put("scopeChange", "Regional sales reports");
    vars.put("qualityImpact", "minor");
    vars.put("riskNotes", "Data quality of the regional feeds");
    ProcessInstance pi = start(requester, ChangeRequestProcess.KEY, vars);
    complete(manager, pi.getId(), Map.of("assessmentComment", "Figures checked"));
    return pi;
  }

  int currentVersion() {
    return repository.createProcessDefinitionQuery().processDefinitionKey(ChangeRequestProcess.KEY).latestVersion()
        .singleResult().getVersion();
  }

  /** Deploys change-request.bpmn with each replacement applied, as the process owner; answers the new version. */
  int deployNextVersion(Map<String, String> replacements) {
    String xml = model();
    for (var r : replacements.entrySet()) {
      String changed = xml.replace(r.getKey(), r.getValue());
      org.assertj.core.api.Assertions.assertThat(changed).as("replaced " + r.getKey()).isNotEqualTo(xml);
      xml = changed;
    }
    actAs(owner);
    try {
      var deployed = repository.createDeployment().name("migration test " + unique())
          .addString("change-request.bpmn", xml).deployWithResult();
      deployment = deployed.getId();
      return deployed.getDeployedProcessDefinitions().get(0).getVersion();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static String model() {
    try (InputStream in = MigrationTestSupport.class.getResourceAsStream("/processes/change-request.bpmn")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Map<String, Object> command(int source, int target, List<Map<String, String>> instructions,
      List<String> instances) {
    Map<String, Object> body = new HashMap<>();
    body.put("processKey", ChangeRequestProcess.KEY);
    body.put("sourceVersion", source);
    body.put("targetVersion", target);
    if (instructions != null) {
      body.put("instructions", instructions);
    }
    if (instances != null) {
      body.put("processInstanceIds", instances);
    }
    return body;
  }
}
