package pmo.stagegate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import pmo.project.Rag;

/** /api/projects/{id}/gates over real HTTP: each gate's history with checks, scores, decisions, who and when. */
class GateApiTest extends LifecycleTestSupport {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
  };

  @Autowired
  TestRestTemplate rest;

  @Test
  void showsEachGatesHistoryWithChecksScoresAndDecisions() {
    long projectId = register("Gate history " + unique(), "100000");
    ProcessInstance g1 = gateReview(projectId);
    complete(manager, g1, gatePackage(List.of("businessCase"), "No charter yet", Rag.AMBER));
    complete(manager, g1, gatePackage(List.of("charter", "businessCase"), "Charter signed", Rag.GREEN));
    Map<String, Object> recycle = decision("recycle", 2, 3, 4);
    recycle.put(GateReviewProcess.DECISION_NOTES.name(), "Add the stakeholder register");
    complete(office, g1, recycle);
    complete(manager, g1, gatePackage(List.of("charter", "stakeholderRegister"), "Complete", Rag.GREEN));
    complete(office, g1, decision("go", 5, 4, 3));

    // a manager of another project does not see this one's gates; the PMO does
    assertThat(get(otherManager, "/api/projects/" + projectId + "/gates").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<Map<String, Object>> response = get(office, "/api/projects/" + projectId + "/gates");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> body = response.getBody();
    assertThat(body).containsEntry("projectCode", project(projectId).code()).containsEntry("stage", "PLANNING")
        .containsEntry("status", "ACTIVE");
    List<Map<String, Object>> gates = list(body.get("gates"));
    assertThat(gates).extracting(g -> g.get("gate")).containsExactly("G1", "G2", "G3");
    assertThat(gates).extracting(g -> g.get("board")).containsExactly("pmo", "steering-committee", "pmo");
    Map<String, Object> g1History = gates.get(0);
    assertThat(g1History).containsEntry("outcome", "GO").containsEntry("title", "initiation to planning");
    assertThat(gates.get(1)).doesNotContainKey("outcome");
    assertThat(list(gates.get(1).get("packages"))).isEmpty();

    List<Map<String, Object>> packages = list(g1History.get("packages"));
    assertThat(packages).extracting(p -> p.get("attempt")).containsExactly(1, 2, 3);
    assertThat(packages).extracting(p -> p.get("submittedBy")).containsOnly(manager);
    assertThat(packages.get(0)).containsEntry("rag", "AMBER").containsEntry("summary", "No charter yet");
    assertThat(list(packages.get(0).get("deliverables"))).hasSize(4).first()
        .isEqualTo(Map.of("deliverable", "charter", "label", "Project charter, approved by the sponsor",
            "delivered", false));
    Map<String, Object> knockOut = list(packages.get(0).get("checks")).get(0);
    assertThat(knockOut).containsEntry("occasion", "SUBMISSION").containsEntry("passed", false);
    assertThat(map(knockOut.get("facts"))).containsEntry("gate", "G1").containsEntry("charterApproved", false)
        .containsEntry("currentStage", "INITIATION").containsEntry("openCriticalRisksWithoutResponse", 0);
    assertThat(list(knockOut.get("criteria"))).singleElement().satisfies(c -> assertThat(c)
        .containsEntry("criterion", "charterApproved").containsEntry("passed", false).containsKey("advice"));
    assertThat(list(packages.get(0).get("decisions"))).isEmpty();

    Map<String, Object> recycled = list(packages.get(1).get("decisions")).get(0);
    assertThat(recycled).containsEntry("decision", "RECYCLE").containsEntry("decidedBy", office)
        .containsEntry("notes", "Add the stakeholder register").containsEntry("totalScore", 2.4)
        .containsKey("decidedAt");
    assertThat(list(recycled.get("scores"))).extracting(s -> s.get("criterion") + "=" + s.get("score") + "x"
        + s.get("weight")).containsExactly("strategicFit=2x0.4", "businessCase=3x0.2", "feasibility=4x0.2",
        // scored by the training records: the manager holds no completion
        "managerTrained=1x0.2");
    assertThat(list(recycled.get("criteria"))).singleElement().satisfies(c -> assertThat(c)
        .containsEntry("passed", true));
    Map<String, Object> go = list(packages.get(2).get("decisions")).get(0);
    assertThat(go).containsEntry("decision", "GO").containsEntry("totalScore", 3.6);
    assertThat(list(packages.get(2).get("checks"))).extracting(c -> c.get("occasion"))
        .containsExactly("SUBMISSION", "DECISION");
  }

  @Test
  void unknownProjectIs404BadIdIs400AndStrangersAre401() {
    ResponseEntity<Map<String, Object>> missing = get(office, "/api/projects/987654321/gates");
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(missing.getBody()).containsEntry("detail", "project 987654321 does not exist");
    ResponseEntity<Map<String, Object>> bad = get(office, "/api/projects/abc/gates");
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(list(bad.getBody().get("errors"))).singleElement()
        .isEqualTo(Map.of("field", "id", "reason", "must be long, got 'abc'"));
    assertThat(rest.getForEntity("/api/projects/1/gates", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private ResponseEntity<Map<String, Object>> get(String user, String path) {
    return rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.GET, null, JSON);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }
}
