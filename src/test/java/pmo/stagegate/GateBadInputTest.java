package pmo.stagegate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import pmo.platform.ConflictException;
import pmo.platform.InvalidInputException;
import pmo.project.NewBaseline;
import pmo.project.ProjectStatus;
import pmo.project.Rag;
import pmo.project.Stage;

/**
 * Bad input at every step of a gate review and of closure gets an error naming the field and the reason, leaves the
 * task open and writes nothing: no row, no audit event, no change to the project.
 */
class GateBadInputTest extends LifecycleTestSupport {

  @Test
  void goIsRefusedWhileAMustMeetCriterionFailsOnTheFactsAtDecisionTime() {
    long projectId = registerInPlanning("Go refused " + unique(), "250000");
    ProcessInstance g2 = gateReview(projectId);
    complete(manager, g2, gatePackage(List.of("projectPlan", "budgetBaseline"), "Plan approved by the PM", Rag.GREEN));
    assertThat(g2).isWaitingAt(GateReviewProcess.TASK_BOARD_DECISION);
    // between the check and the board's meeting the budget is withdrawn: the baseline criterion fails now
    projects.addBaseline(projectId, new NewBaseline(BigDecimal.ZERO, LocalDate.now().plusDays(10),
        LocalDate.now().plusMonths(12), "Scope unchanged", "Budget withdrawn pending a new estimate", null));
    long auditBefore = auditCount(projectId);

    Throwable refused = failToComplete(steering, g2, decision("go", 5, 5, 5, 5));
    assertThat(refused).isInstanceOf(InvalidInputException.class).hasMessage("gateDecision: Go is not possible while "
        + "the must-meet criterion 'Budget baseline set' fails (Set a new baseline version with a budget above 0); "
        + "decide recycle, hold or kill");
    assertNothingWritten(projectId, g2, auditBefore, Stage.PLANNING, 1);

    Map<String, Object> recycle = decision("recycle", 3, 3, 3, 3);
    recycle.put(GateReviewProcess.DECISION_NOTES.name(), "Bring a budget");
    complete(steering, g2, recycle);
    assertThat(decisions(projectId)).containsExactly("G1 GO by olga", "G2 RECYCLE by sam");
    assertThat(jdbc.sql("""
            select r.passed from gate_check_criterion r join gate_decision d on d.check_id = r.check_id
             where d.project_id = :p and d.gate = 'G2' and r.criterion = 'baselineSet'""")
        .param("p", projectId).query(Boolean.class).single()).isFalse();
  }

  @Test
  void scoresMustBeWholeNumbersFromOneToFiveForEachCriterionOfTheGate() {
    long projectId = register("Bad scores " + unique(), "60000");
    ProcessInstance g1 = gateReview(projectId);
    complete(manager, g1, gatePackage(List.of("charter"), "Ready", Rag.GREEN));
    long auditBefore = auditCount(projectId);

    Map<String, Object> scores = decision("go", 0, 6);
    scores.put(GateReviewProcess.SCORES.get(2).name(), 4.5);
    scores.put(GateReviewProcess.SCORES.get(3).name(), 3);
    assertThat(failToComplete(office, g1, scores)).isInstanceOf(InvalidInputException.class).hasMessage(
        "score1: must be a whole number from 1 to 5, not 0 (Strategic fit); "
            + "score2: must be a whole number from 1 to 5, not 6 (Strength of the business case); "
            + "score3: must be a whole number from 1 to 5, not 4.5 (Technical and organisational feasibility); "
            + "score4: gate G1 has only 3 should-meet criteria");
    assertThat(failToComplete(office, g1, decision("go", 4))).hasMessage(
        "score2: is required (Strength of the business case); "
            + "score3: is required (Technical and organisational feasibility)");
    assertThat(failToComplete(office, g1, Map.of(GateReviewProcess.GATE_DECISION.name(), "go",
        GateReviewProcess.SCORES.get(0).name(), "four"))).hasMessage("score1: has an unreadable value 'four'");
    assertNothingWritten(projectId, g1, auditBefore, Stage.INITIATION, 0);
  }

  @Test
  void eachDecisionNeedsItsDetails() {
    long projectId = register("Decision details " + unique(), "60000");
    ProcessInstance g1 = gateReview(projectId);
    complete(manager, g1, gatePackage(List.of("charter"), "Ready", Rag.GREEN));
    long auditBefore = auditCount(projectId);

    assertThat(failToComplete(office, g1, decision("kill", 1, 1, 1))).hasMessage(
        "decisionNotes: is required to kill: the reason for cancelling the project");
    assertThat(failToComplete(office, g1, decision("recycle", 2, 2, 2))).hasMessage(
        "decisionNotes: is required to recycle: what to rework before the gate again");
    assertThat(failToComplete(office, g1, decision("hold", 3, 3, 3))).hasMessage(
        "holdUntil: is required to hold: the date the review re-opens");
    Map<String, Object> past = decision("hold", 3, 3, 3);
    past.put(GateReviewProcess.HOLD_UNTIL.name(), LocalDate.now().toString());
    assertThat(failToComplete(office, g1, past)).hasMessage(
        "holdUntil: must be after today (" + LocalDate.now() + ")");
    Map<String, Object> far = decision("hold", 3, 3, 3);
    far.put(GateReviewProcess.HOLD_UNTIL.name(), LocalDate.now().plusYears(2).toString());
    assertThat(failToComplete(office, g1, far)).hasMessage("holdUntil: must be within a year");
    // the form's options are checked before the service sees the decision
    assertThat(failToComplete(office, g1, decision("maybe", 3, 3, 3))).hasMessageStartingWith(
        "gateDecision: must be one of go, recycle, hold, kill, not 'maybe'");
    assertNothingWritten(projectId, g1, auditBefore, Stage.INITIATION, 0);
    assertThat(project(projectId).status()).isEqualTo(ProjectStatus.ACTIVE);
  }

  @Test
  void aGatePackageForAKilledProjectIsRefused() {
    long projectId = register("Killed meanwhile " + unique(), "70000");
    ProcessInstance g1 = gateReview(projectId);
    // cancelled outside the gate review, for instance by a portfolio decision
    projects.cancel(projectId, "Portfolio rebalancing");
    long auditBefore = auditCount(projectId);

    Throwable refused = failToComplete(manager, g1, gatePackage(List.of("charter"), "Too late", Rag.GREEN));
    assertThat(refused).isInstanceOf(ConflictException.class).hasMessage("project " + project(projectId).code()
        + " is cancelled: no gate package can be submitted for it");
    assertThat(count("select count(*) from gate_package where project_id = :p", projectId)).isZero();
    assertThat(auditCount(projectId)).isEqualTo(auditBefore);
    assertThat(g1).isWaitingAt(GateReviewProcess.TASK_SUBMIT_PACKAGE);
  }

  @Test
  void aPackageNeedsASummaryARagKnownDeliverablesAndRealLinks() {
    long projectId = register("Bad package " + unique(), "70000");
    ProcessInstance g1 = gateReview(projectId);
    long auditBefore = auditCount(projectId);

    // the form's rules, applied by the engine on completion
    Map<String, Object> purple = gatePackage(List.of("charter"), " ", Rag.GREEN);
    purple.put(GateReviewProcess.RAG.name(), "PURPLE");
    assertThat(failToComplete(manager, g1, purple)).hasMessage(
        "summary: is required; rag: must be one of green, amber, red, not 'PURPLE'");
    // the service's rules: the gate's standard deliverables, http(s) links
    Map<String, Object> bad = gatePackage(List.of("charter", "moonLanding"), "Ready", Rag.GREEN);
    bad.put(GateReviewProcess.LINKS.name(), "https://wiki.example/charter\nsee the shared drive");
    assertThat(failToComplete(manager, g1, bad)).isInstanceOf(InvalidInputException.class).hasMessage(
        "deliverables: 'moonLanding' is not a deliverable of gate G1 (charter, businessCase, stakeholderRegister, "
            + "initialRisks); links: line 2 is not an http(s) link: 'see the shared drive'");
    assertThat(count("select count(*) from gate_package where project_id = :p", projectId)).isZero();
    assertThat(auditCount(projectId)).isEqualTo(auditBefore);
    assertThat(g1).isWaitingAt(GateReviewProcess.TASK_SUBMIT_PACKAGE);
  }

  @Test
  void anEmptyPostProjectReviewIsRefused() {
    long projectId = registerInPlanning("Empty review " + unique(), "50000");
    ProcessInstance g2 = gateReview(projectId);
    complete(manager, g2, gatePackage(List.of("projectPlan"), "Plan", Rag.GREEN));
    Map<String, Object> kill = decision("kill", 1, 1, 1, 1);
    kill.put(GateReviewProcess.DECISION_NOTES.name(), "No longer needed");
    complete(steering, g2, kill);
    ProcessInstance lifecycle = lifecycleOf(projectId);
    assertThat(lifecycle).isWaitingAt(LifecycleProcess.TASK_POST_PROJECT_REVIEW);
    long auditBefore = auditCount(projectId);

    assertThat(failToComplete(manager, lifecycle, Map.of())).isInstanceOf(InvalidInputException.class).hasMessage(
        "objectivesMet: is required; actualFinish: is required; actualCost: is required; wentWell: is required; "
            + "toImprove: is required");
    Map<String, Object> bullets = review("-\n*  ", "   \n-", "fine, not a tag!");
    bullets.put(LifecycleProcess.ACTUAL_FINISH.name(), LocalDate.now().plusDays(3).toString());
    bullets.put(LifecycleProcess.ACTUAL_COST.name(), -1);
    assertThat(failToComplete(manager, lifecycle, bullets)).hasMessageStartingWith("actualCost: must be at least 0");
    bullets.put(LifecycleProcess.ACTUAL_COST.name(), 10);
    assertThat(failToComplete(manager, lifecycle, bullets)).hasMessage(
        "actualFinish: must not be in the future; wentWell: holds no lesson: write one lesson per line; "
            + "toImprove: holds no lesson: write one lesson per line; lessonTags: 'not-a-tag!' is not a tag "
            + "(letters, digits and '-', at most 40 characters)");

    assertThat(count("select count(*) from post_project_review where project_id = :p", projectId)).isZero();
    assertThat(count("select count(*) from lesson where project_id = :p", projectId)).isZero();
    assertThat(auditCount(projectId)).isEqualTo(auditBefore);
    assertThat(project(projectId).stage()).isEqualTo(Stage.PLANNING);
    assertThat(lifecycle).isWaitingAt(LifecycleProcess.TASK_POST_PROJECT_REVIEW);
  }

  private long auditCount(long projectId) {
    return count("select count(*) from audit_event where project_id = :p", projectId);
  }

  private void assertNothingWritten(long projectId, ProcessInstance review, long auditBefore, Stage stage,
      int decisionsBefore) {
    assertThat(count("select count(*) from gate_decision where project_id = :p", projectId))
        .isEqualTo(decisionsBefore);
    assertThat(auditCount(projectId)).isEqualTo(auditBefore);
    assertThat(project(projectId).stage()).isEqualTo(stage);
    assertThat(review).isWaitingAt(GateReviewProcess.TASK_BOARD_DECISION);
    assertThat(tasks.createTaskQuery().processInstanceId(review.getId()).singleResult().getAssignee())
        .as("claimed by the board member who tried").isNotNull();
  }
}
