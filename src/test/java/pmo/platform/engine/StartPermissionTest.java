package pmo.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import pmo.IntegrationTest;
import pmo.platform.Roles;

/**
 * Every process definition, started over the engine REST API by a member of each group (alone in it): only the
 * processes {@link Roles#STARTABLE} gives that group get past the start permission (their start then answers 400 for
 * the missing form fields, so nothing is started); every other start is 403, and an internal process (the lifecycle,
 * gate reviews) can be started by no group at all. A new process is covered by itself.
 */
class StartPermissionTest extends IntegrationTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  RepositoryService repository;

  @Test
  void onlyTheAllowedGroupsStartEachProcess() {
    List<String> failures = new ArrayList<>();
    List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery().latestVersion().list().stream()
        .filter(d -> !d.getKey().startsWith("contract-") && !d.getKey().startsWith("guarded-")).toList();
    assertThat(definitions).extracting(ProcessDefinition::getKey)
        .contains("project-intake", "change-request", "project-lifecycle", "gate-review");
    for (Roles.Group group : Roles.ALL) {
      if (group.id().equals(Roles.ADMIN)) {
        continue;
      }
      String member = user("start-" + group.id(), group.id());
      for (ProcessDefinition definition : definitions) {
        boolean allowed = Roles.STARTABLE.getOrDefault(group.id(), List.of()).contains(definition.getKey());
        ResponseEntity<Map> started = post(member, "/engine-rest/process-definition/" + definition.getId()
            + "/start", Map.of("variables", Map.of()));
        int status = started.getStatusCode().value();
        if (allowed ? status == 403 || status / 100 != 4 : status != 403) {
          failures.add(group.id() + " starting " + definition.getKey() + ": " + status + " " + started.getBody());
        }
      }
    }
    assertThat(failures).isEmpty();
    for (String internal : List.of("project-lifecycle", "gate-review")) {
      assertThat(Roles.STARTABLE.values()).noneMatch(keys -> keys.contains(internal));
    }
  }

  /** The per-group users leave their groups: other tests count a group's members (the change board votes). */
  @AfterEach
  void leaveGroups() {
    for (Roles.Group group : Roles.ALL) {
      if (identityService.createUserQuery().userId("start-" + group.id()).count() > 0) {
        user("start-" + group.id());
      }
    }
  }

  @SuppressWarnings("rawtypes")
  private ResponseEntity<Map> post(String user, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth(user, PASSWORD);
    return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
  }
}
