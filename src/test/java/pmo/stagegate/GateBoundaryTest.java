package pmo.stagegate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import pmo.platform.Roles;
import pmo.project.Rag;
import pmo.project.Stage;

/**
 * Issue 9, findings 1 and 2 for gates: a G1 decision task completed with another project's G2 package id, or with a
 * forged package submitter, decides its own G1 package, by its own board, under the four-eyes rule of its own
 * package: a project cannot be moved to execution from another project's G1 review.
 */
class GateBoundaryTest extends LifecycleTestSupport {

  @Test
  void aGateDecisionActsOnItsOwnPackageWhateverTheVariablesSay() {
    long inPlanning = registerInPlanning("G2 target " + unique(), "300000");
    ProcessInstance g2 = gateReview(inPlanning);
    complete(manager, g2, gatePackage(List.of("projectPlan", "budgetBaseline"), "Plan", Rag.GREEN));
    long g2Package = jdbc.sql("select id from gate_package where process_instance_id = :pi").param("pi", g2.getId())
        .query(Long.class).single();

    long other = register("G1 attacker " + unique(), "50000");
    ProcessInstance g1 = gateReview(other);
    complete(manager, g1, gatePackage(List.of("charter"), "Charter", Rag.GREEN));
    // the form refuses the forged id outright
    Task decision = tasks.createTaskQuery().processInstanceId(g1.getId()).singleResult();
    assertThat(decision).isNotNull();
    actAs(office);
    try {
      tasks.claim(decision.getId(), office);
      Map<String, Object> forged = decision("go", 5, 5, 5);
      forged.put("gatePackageId", g2Package);
      assertThat(failureOf(() -> tasks.complete(decision.getId(), forged))).hasMessageContaining(
          "gatePackageId: is not a field of task '" + decision.getName() + "'");
      assertThat(decision.getName()).endsWith(" Decide on the gate");
    } finally {
      identityService.clearAuthentication();
    }

    // written behind the scenes (an administrator, a leftover), the variables change nothing either
    runtime.setVariable(g1.getId(), "gatePackageId", g2Package);
    runtime.setVariable(g1.getId(), "packageSubmitter", "nobody");
    runtime.setVariable(g1.getId(), "gate", "G2");
    complete(office, g1, decision("go", 5, 5, 5));
    assertThat(project(other).stage()).isEqualTo(Stage.PLANNING);
    assertThat(project(inPlanning).stage()).isEqualTo(Stage.PLANNING);
    assertThat(jdbc.sql("select count(*) from gate_decision where package_id = :p").param("p", g2Package)
        .query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select gate from gate_decision where project_id = :p").param("p", other)
        .query(String.class).single()).isEqualTo("G1");
  }

  @Test
  void theSubmitterStaysBarredWhateverThePackageSubmitterVariableSays() {
    String both = user("pia", Roles.REQUESTERS, Roles.PROJECT_MANAGERS, Roles.PMO);
    long projectId = register("Own package " + unique(), "50000", both);
    ProcessInstance g1 = gateReview(projectId);
    complete(both, g1, gatePackage(List.of("charter"), "My own package", Rag.GREEN));
    runtime.setVariable(g1.getId(), "packageSubmitter", "somebody-else");
    String taskId = tasks.createTaskQuery().processInstanceId(g1.getId()).singleResult().getId();
    actAs(both);
    try {
      assertThat(failureOf(() -> tasks.claim(taskId, both))).isInstanceOf(AuthorizationException.class);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
