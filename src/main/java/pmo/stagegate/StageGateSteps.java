package pmo.stagegate;

import static pmo.platform.engine.Tasklist.SUBJECT;

import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Java steps of processes/project-lifecycle.bpmn and gate-review.bpmn. A lifecycle step finds its project by the
 * lifecycle's process instance; a gate review step finds its project through the lifecycle that called it, its gate
 * from the project's stage, and its package by its own process instance (never by a variable: README, "Governance that cannot be bypassed").
 */
@Configuration(proxyBeanMethods = false)
class StageGateSteps {

  @Bean
  JavaDelegate prepareGatePackage(GateReviews reviews, GatePackages gates) {
    return execution -> {
      GateReviews.Review review = reviews.of(execution);
      GatePackages.PackageForm form = gates.preparePackage(review.projectId(), review.gate());
      SUBJECT.set(execution, form.subject());
      GateReviewProcess.GATE_BOARD.set(execution, form.board());
      GateReviewProcess.PROJECT_MANAGER.set(execution, form.projectManager());
      GateReviewProcess.DELIVERABLE_OPTIONS.set(execution, form.deliverables());
      GateReviewProcess.LESSONS_OFFERED.set(execution, form.lessons());
    };
  }

  @Bean
  JavaDelegate recordGatePackage(GateReviews reviews, GatePackages gates) {
    return execution -> {
      GateReviews.Review review = reviews.of(execution);
      gates.submitPackage(review.projectId(), review.gate(), GateReviewProcess.packageOf(execution),
          execution.getProcessInstanceId());
    };
  }

  @Bean
  JavaDelegate checkMustMeet(GateReviews reviews, MustMeetCheck gates) {
    return execution -> {
      MustMeetCheck.CheckOutcome outcome = gates.check(reviews.packageOf(execution));
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
    };
  }

  @Bean
  JavaDelegate recordGateDecision(GateReviews reviews, GateDecisions gates) {
    return execution -> {
      List<BigDecimal> scores = GateReviewProcess.SCORES.stream().map(score -> score.get(execution)).toList();
      String notes = GateReviewProcess.DECISION_NOTES.get(execution);
      BoardDecisionCommand command = new BoardDecisionCommand(GateReviewProcess.GATE_DECISION.get(execution), scores,
          notes, GateReviewProcess.HOLD_UNTIL.get(execution));
      GateDecision decision = gates.decide(reviews.packageOf(execution), command, execution.getProcessInstanceId());
      if (decision == GateDecision.RECYCLE) {
        GateReviewProcess.REWORK_NOTES.set(execution, "Recycled by the gate board:\n" + notes);
      }
    };
  }

  @Bean
  JavaDelegate resumeProject(GateReviews reviews, GateDecisions gates) {
    return execution -> gates.resumeAfterHold(reviews.of(execution).projectId());
  }

  @Bean
  JavaDelegate prepareClosure(GateReviews reviews, LifecycleService lifecycles) {
    return execution -> {
      LifecycleService.ClosureOpening opening = lifecycles.prepareClosure(reviews.projectOfLifecycle(execution));
      SUBJECT.set(execution, opening.subject());
      LifecycleProcess.BASELINE_FINISH.set(execution, opening.baselineFinish());
      LifecycleProcess.BASELINE_BUDGET.set(execution, opening.baselineBudget());
      LifecycleProcess.PROJECT_MANAGER.set(execution, opening.projectManager());
    };
  }

  @Bean
  JavaDelegate recordClosure(GateReviews reviews, LifecycleService lifecycles) {
    return execution -> lifecycles.close(reviews.projectOfLifecycle(execution), LifecycleProcess.review(execution),
        execution.getProcessInstanceId());
  }
}
