package pmo.improvement.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import pmo.IntegrationTest;
import pmo.platform.Roles;

/**
 * /api/standard over real HTTP: the catalogue of deployed processes, decisions and forms with versions, version tags
 * and who deployed them; what changed between two versions of a process deployed here; an unknown version or a
 * missing one is 400 naming the field, an unknown model 404; standards reviews are read by the PMO, process owners and
 * auditors only (403).
 */
class StandardApiTest extends IntegrationTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
  };

  @Autowired
  TestRestTemplate rest;

  String rita;
  String pmo;
  String owen;

  @BeforeEach
  void users() {
    rita = user("rita-sa", Roles.REQUESTERS);
    pmo = user("olga-sa", Roles.REQUESTERS, Roles.PMO);
    owen = user("owen-sa", Roles.PROCESS_OWNERS);
  }

  @Test
  void theCatalogueListsEveryProcessDecisionAndFormWithItsVersions() {
    ResponseEntity<Map<String, Object>> response = get(rita, "/api/standard");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> standardsReview = entry(response.getBody(), "processes", "standards-review");
    assertThat(list(standardsReview.get("versions"))).allSatisfy(v -> {
      assertThat(v.get("versionTag")).isEqualTo("1.0.0");
      assertThat(v.get("deploymentId")).isNotNull();
      assertThat(v.get("deployedAt")).isNotNull();
    });
    assertThat(entry(response.getBody(), "decisions", "gate-criteria")).isNotNull();
    assertThat(entry(response.getBody(), "forms", "standards-review-process")).isNotNull();
  }

  @Test
  void whatChangedBetweenTwoVersionsOfAProcessAndWhoDeployedThem() {
    String key = "standard-diff-" + unique();
    deploy(owen, Bpmn.createExecutableProcess(key).name("Diff sample").camundaHistoryTimeToLive(30)
        .camundaVersionTag("1.0.0").startEvent("Start").name("Start").endEvent("End").name("Done").done());
    deploy(owen, Bpmn.createExecutableProcess(key).name("Diff sample").camundaHistoryTimeToLive(30)
        .camundaVersionTag("1.1.0").startEvent("Start").name("Begin").serviceTask("Task_Check").name("Check")
        .camundaDelegateExpression("${sendTrainingReminders}").endEvent("End").name("Done").done());

    Map<String, Object> entry = entry(get(pmo, "/api/standard").getBody(), "processes", key);
    assertThat(list(entry.get("versions"))).extracting(v -> v.get("version") + " " + v.get("versionTag") + " "
        + v.get("deployedBy")).containsExactly("1 1.0.0 " + owen, "2 1.1.0 " + owen);

    ResponseEntity<Map<String, Object>> diff = get(rita, "/api/standard/processes/" + key + "/diff?from=1&to=2");
    assertThat(diff.getStatusCode()).as("%s", diff.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(diff.getBody()).containsEntry("fromVersionTag", "1.0.0").containsEntry("toVersionTag", "1.1.0");
    assertThat(list(diff.getBody().get("added"))).extracting(e -> e.get("id") + " " + e.get("type"))
        .contains("Task_Check serviceTask");
    assertThat(list(diff.getBody().get("removed"))).extracting(e -> (String) e.get("type"))
        .containsOnly("sequenceFlow");
    assertThat(list(diff.getBody().get("changed"))).extracting(e -> (String) e.get("id")).contains("Start");

    assertThat(errors(get(rita, "/api/standard/processes/" + key + "/diff?from=1&to=9"))).containsExactly("to");
    assertThat(errors(get(rita, "/api/standard/processes/" + key + "/diff?to=2"))).containsExactly("from");
    assertThat(get(rita, "/api/standard/processes/no-such-" + unique() + "/diff?from=1&to=2").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void standardsReviewsAreReadByThePmoProcessOwnersAndAuditorsOnly() {
    assertThat(get(rita, "/api/standard/reviews").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(pmo, "/api/standard/reviews").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get(owen, "/api/standard/reviews").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  private void deploy(String user, BpmnModelInstance model) {
    actAs(user);
    try {
      engine.getRepositoryService().createDeployment().name("diff sample")
          .addModelInstance("diff-sample.bpmn", model).deploy();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static Map<String, Object> entry(Map<String, Object> catalogue, String kind, String key) {
    return list(catalogue.get(kind)).stream().filter(e -> key.equals(e.get("key"))).findFirst()
        .orElseThrow(() -> new AssertionError(kind + " has no " + key));
  }

  private static List<String> errors(ResponseEntity<Map<String, Object>> response) {
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    return list(response.getBody().get("errors")).stream().map(e -> (String) e.get("field")).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

  private ResponseEntity<Map<String, Object>> get(String user, String path) {
    return rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.GET, null, JSON);
  }
}
