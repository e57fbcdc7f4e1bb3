package pmo.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.junit.jupiter.api.Test;
import pmo.platform.Roles;

/**
 * Every task that approves, votes on, reviews or decides something carries the four-eyes rule against the people
 * whose case it is, in every process of processes/. A new decision task for the PMO, the change board or the steering
 * committee fails this test until it names who may not decide on it. (How the rule behaves is tested per process:
 * IntakeProcessTest, ChangeRequestRulesTest, LifecycleProcessTest, RiskProcessTest, IssueProcessTest, SecurityTest.)
 */
class FourEyesCoverageTest {

  /** process file → decision task → variables whose users may not claim or complete it. */
  static final Map<String, Map<String, Set<String>>> EXPECTED = Map.of(
      "project-intake.bpmn", Map.of(
          "Task_ScreenProposal", Set.of("requester"),
          "Task_SponsorApproval", Set.of("requester")),
      "change-request.bpmn", Map.of(
          "Task_PmoApproval", Set.of("requester"),
          "Task_BoardVote", Set.of("requester"),
          "Task_SteeringApproval", Set.of("requester"),
          "Task_ExpeditedApproval", Set.of("requester"),
          "Task_RetrospectiveReview", Set.of("requester"),
          "Task_VerifyImplementation", Set.of("implementer")),
      "gate-review.bpmn", Map.of(
          "Task_GateBoardDecision", Set.of("packageSubmitter")),
      "portfolio-review.bpmn", Map.of(
          "Task_ProposeDecisions", Set.of("reviewer"),
          "Task_ApproveDecisions", Set.of("proposer")),
      "risk-escalation.bpmn", Map.of(
          "Task_PmoReview", Set.of("raisedBy", "owner"),
          "Task_SteeringDecision", Set.of("raisedBy", "owner")),
      "issue-escalation.bpmn", Map.of(
          "Task_PmoReview", Set.of("raisedBy", "owner"),
          "Task_SteeringDecision", Set.of("raisedBy", "owner")),
      "improvement-proposal.bpmn", Map.of(
          "Task_EvaluateProposal", Set.of("proposer"),
          "Task_VerifyBenefit", Set.of("proposer", "implementer")),
      "status-report.bpmn", Map.of(
          "Task_ReviewRedReport", Set.of("reportSubmitter")),
      "improvement-plan.bpmn", Map.of(
          "Task_AgreeImprovementPlan", Set.of("planDrafter")));

  static final Set<String> DECIDING_GROUPS = Set.of(Roles.PMO, Roles.CHANGE_BOARD, Roles.STEERING_COMMITTEE);

  @Test
  void everyDecisionTaskCarriesTheFourEyesRule() throws IOException {
    Map<String, Map<String, Set<String>>> found = new HashMap<>();
    for (Path file : bpmnFiles()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        Set<String> variables = fourEyes(task);
        if (!variables.isEmpty()) {
          found.computeIfAbsent(file.getFileName().toString(), f -> new HashMap<>()).put(task.getId(), variables);
        }
        boolean decidingGroup = task.getCamundaCandidateGroups() != null && Arrays
            .stream(task.getCamundaCandidateGroups().split(",")).map(String::trim).anyMatch(DECIDING_GROUPS::contains);
        if (decidingGroup) {
          assertThat(variables).as(file.getFileName() + " " + task.getId() + " (" + task.getName()
              + ") is a task of a deciding group without the four-eyes rule").isNotEmpty();
        }
      }
    }
    assertThat(found).isEqualTo(EXPECTED);
  }

  private static Set<String> fourEyes(UserTask task) {
    if (task.getExtensionElements() == null) {
      return Set.of();
    }
    return task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> "fourEyes".equals(p.getCamundaName()))
        .flatMap(p -> Arrays.stream(p.getCamundaValue().split(",")))
        .map(String::trim)
        .collect(java.util.stream.Collectors.toSet());
  }

  private static List<Path> bpmnFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    }
  }
}
