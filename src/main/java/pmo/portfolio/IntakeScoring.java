package pmo.portfolio;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;
import pmo.intake.IntakeProcess;
import pmo.intake.IntakeService;

/**
 * The portfolio's part of intake screening (processes/project-intake.bpmn, task Screen proposal), for
 * {@link IntakeScoringSteps}: when the task opens, the screening form's criteria get their levels with the anchor
 * texts of the model in force (and the proposal's current scores, after a revision); when it completes, the scores
 * given are recorded as the proposal's scoring, if they differ from its current one. All or none: some scores without
 * the others are refused naming the fields. The proposal is the one the process instance recorded (never a variable).
 */
@Service
class IntakeScoring {

  private final IntakeService intake;
  private final ScoringModels models;
  private final ScoringService scoring;

  IntakeScoring(IntakeService intake, ScoringModels models, ScoringService scoring) {
    this.intake = intake;
    this.models = models;
    this.scoring = scoring;
  }

  void offer(DelegateTask task) {
    Subject proposal = Subject.proposal(intake.idOfProcess(task.getProcessInstanceId()));
    ScoringForm.offer(task.getExecution(), models.current(), scoring.current(proposal).orElse(Map.of()));
  }

  void record(DelegateTask task) {
    ScoringModel model = models.current();
    Map<String, Object> given = ScoringForm.submitted(task, model);
    if (given.isEmpty()) {
      return;
    }
    Subject proposal = Subject.proposal(intake.idOfProcess(task.getProcessInstanceId()));
    Map<String, Integer> checked = ScoringService.check(model, given, id -> ScoringModel.FIELD_PREFIX + id);
    if (!checked.equals(scoring.current(proposal).orElse(null))) {
      scoring.score(proposal, checked, IntakeProcess.SCREENING_COMMENT.get(task), ScoringService.Source.SCREENING,
          id -> ScoringModel.FIELD_PREFIX + id);
    }
  }
}
