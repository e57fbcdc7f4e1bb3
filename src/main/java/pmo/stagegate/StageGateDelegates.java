package pmo.stagegate;

import static pmo.platform.engine.Tasklist.SUBJECT;

import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The service tasks of the lifecycle and the gate review: each reads its variables, calls a service, writes back. */
final class StageGateDelegates {

  private StageGateDelegates() {
  }

  private static Gate gate(DelegateExecution execution) {
    return Gate.of(GateReviewProcess.GATE.require(execution), GateReviewProcess.GATE.name());
  }

  @Component("prepareGatePackage")
  static class PrepareGatePackage implements JavaDelegate {

    private final GateService gates;

    PrepareGatePackage(GateService gates) {
      this.gates = gates;
    }

    @Override
    public void execute(DelegateExecution execution) {
      GateService.PackageForm form = gates.preparePackage(GateReviewProcess.PROJECT_ID.require(execution),
          gate(execution));
      SUBJECT.set(execution, form.subject());
      GateReviewProcess.GATE_BOARD.set(execution, form.board());
      GateReviewProcess.PROJECT_MANAGER.set(execution, form.projectManager());
      GateReviewProcess.DELIVERABLE_OPTIONS.set(execution, form.deliverables());
      GateReviewProcess.LESSONS_OFFERED.set(execution, form.lessons());
    }
  }

  @Component("recordGatePackage")
  static class RecordGatePackage implements JavaDelegate {

    private final GateService gates;

    RecordGatePackage(GateService gates) {
      this.gates = gates;
    }

    @Override
    public void execute(DelegateExecution execution) {
      GatePackageCommand command = new GatePackageCommand(GateReviewProcess.DELIVERABLES.get(execution),
          GateReviewProcess.LINKS.get(execution), GateReviewProcess.SUMMARY.get(execution),
          GateReviewProcess.RAG.get(execution));
      GateService.PackageRecorded recorded = gates.submitPackage(GateReviewProcess.PROJECT_ID.require(execution),
          gate(execution), command, execution.getProcessInstanceId());
      GateReviewProcess.PACKAGE_ID.set(execution, recorded.id());
      GateReviewProcess.PACKAGE_SUBMITTER.set(execution, recorded.submittedBy());
    }
  }

  @Component("checkMustMeet")
  static class CheckMustMeet implements JavaDelegate {

    private final GateService gates;

    CheckMustMeet(GateService gates) {
      this.gates = gates;
    }

    @Override
    public void execute(DelegateExecution execution) {
      GateService.CheckOutcome outcome = gates.check(GateReviewProcess.PACKAGE_ID.require(execution));
      GateReviewProcess.MUST_MEET_PASSED.set(execution, outcome.passed());
      GateReviewProcess.MUST_MEET_RESULTS.set(execution, outcome.results());
      GateReviewProcess.SHOULD_MEET_CRITERIA.set(execution, outcome.shouldMeet());
      if (!outcome.passed()) {
        GateReviewProcess.REWORK_NOTES.set(execution, outcome.reworkNotes());
      }
      // the board decides afresh each time the review reaches it
      GateReviewProcess.GATE_DECISION.remove(execution);
      GateReviewProcess.DECISION_NOTES.remove(execution);
      GateReviewProcess.HOLD_UNTIL.remove(execution);
      GateReviewProcess.SCORES.forEach(score -> score.remove(execution));
    }
  }

  @Component("recordGateDecision")
  static class RecordGateDecision implements JavaDelegate {

    private final GateService gates;

    RecordGateDecision(GateService gates) {
      this.gates = gates;
    }

    @Override
    public void execute(DelegateExecution execution) {
      List<BigDecimal> scores = GateReviewProcess.SCORES.stream().map(score -> score.get(execution)).toList();
      String notes = GateReviewProcess.DECISION_NOTES.get(execution);
      BoardDecisionCommand command = new BoardDecisionCommand(GateReviewProcess.GATE_DECISION.get(execution), scores,
          notes, GateReviewProcess.HOLD_UNTIL.get(execution));
      GateDecision decision = gates.decide(GateReviewProcess.PACKAGE_ID.require(execution), command,
          execution.getProcessInstanceId());
      if (decision == GateDecision.RECYCLE) {
        GateReviewProcess.REWORK_NOTES.set(execution, "Recycled by the gate board:\n" + notes);
      }
    }
  }

  @Component("resumeProject")
  static class ResumeProject implements JavaDelegate {

    private final GateService gates;

    ResumeProject(GateService gates) {
      this.gates = gates;
    }

    @Override
    public void execute(DelegateExecution execution) {
      gates.resumeAfterHold(GateReviewProcess.PROJECT_ID.require(execution));
    }
  }

  @Component("prepareClosure")
  static class PrepareClosure implements JavaDelegate {

    private final LifecycleService lifecycles;

    PrepareClosure(LifecycleService lifecycles) {
      this.lifecycles = lifecycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
      LifecycleService.ClosureOpening opening = lifecycles.prepareClosure(
          LifecycleProcess.PROJECT_ID.require(execution));
      SUBJECT.set(execution, opening.subject());
      LifecycleProcess.BASELINE_FINISH.set(execution, opening.baselineFinish());
      LifecycleProcess.BASELINE_BUDGET.set(execution, opening.baselineBudget());
      LifecycleProcess.PROJECT_MANAGER.set(execution, opening.projectManager());
    }
  }

  @Component("recordClosure")
  static class RecordClosure implements JavaDelegate {

    private final LifecycleService lifecycles;

    RecordClosure(LifecycleService lifecycles) {
      this.lifecycles = lifecycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
      ClosureReviewCommand review = new ClosureReviewCommand(LifecycleProcess.OBJECTIVES_MET.get(execution),
          LifecycleProcess.ACTUAL_FINISH.get(execution), LifecycleProcess.ACTUAL_COST.get(execution),
          LifecycleProcess.WENT_WELL.get(execution), LifecycleProcess.TO_IMPROVE.get(execution),
          LifecycleProcess.LESSON_TAGS.get(execution));
      lifecycles.close(LifecycleProcess.PROJECT_ID.require(execution), review, execution.getProcessInstanceId());
    }
  }
}
