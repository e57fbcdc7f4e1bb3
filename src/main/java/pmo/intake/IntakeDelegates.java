package pmo.intake;

import static pmo.intake.IntakeProcess.BUSINESS_CASE;
import static pmo.intake.IntakeProcess.CATEGORY;
import static pmo.intake.IntakeProcess.ESTIMATED_BUDGET;
import static pmo.intake.IntakeProcess.ESTIMATED_MONTHS;
import static pmo.intake.IntakeProcess.EXPECTED_BENEFITS;
import static pmo.intake.IntakeProcess.PLANNED_START;
import static pmo.intake.IntakeProcess.PROJECT_ID;
import static pmo.intake.IntakeProcess.PROJECT_MANAGER;
import static pmo.intake.IntakeProcess.PROPOSAL_ID;
import static pmo.intake.IntakeProcess.REJECTION_REASON;
import static pmo.intake.IntakeProcess.REQUESTER;
import static pmo.intake.IntakeProcess.SCREENING_COMMENT;
import static pmo.intake.IntakeProcess.SCREENING_DECISION;
import static pmo.intake.IntakeProcess.SPONSOR;
import static pmo.intake.IntakeProcess.SPONSOR_COMMENT;
import static pmo.intake.IntakeProcess.SPONSOR_DECISION;
import static pmo.intake.IntakeProcess.STRATEGIC_OBJECTIVE;
import static pmo.intake.IntakeProcess.TITLE;
import static pmo.platform.engine.Tasklist.SUBJECT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The intake process's service tasks: each reads its variables, calls {@link IntakeService}, writes the result. */
final class IntakeDelegates {

  private IntakeDelegates() {
  }

  static ProposalDraft draft(DelegateExecution execution) {
    return new ProposalDraft(TITLE.get(execution), BUSINESS_CASE.get(execution), SPONSOR.get(execution),
        CATEGORY.get(execution), ESTIMATED_BUDGET.get(execution), ESTIMATED_MONTHS.get(execution),
        STRATEGIC_OBJECTIVE.get(execution), EXPECTED_BENEFITS.get(execution));
  }

  @Component("recordProposal")
  static class RecordProposal implements JavaDelegate {

    private final IntakeService intake;

    RecordProposal(IntakeService intake) {
      this.intake = intake;
    }

    @Override
    public void execute(DelegateExecution execution) {
      ProposalDraft draft = draft(execution);
      long id = intake.submit(draft, REQUESTER.get(execution), execution.getProcessInstanceId());
      PROPOSAL_ID.set(execution, id);
      SUBJECT.set(execution, "Proposal: " + draft.title());
    }
  }

  @Component("recordScreeningDecision")
  static class RecordScreeningDecision implements JavaDelegate {

    private final IntakeService intake;

    RecordScreeningDecision(IntakeService intake) {
      this.intake = intake;
    }

    @Override
    public void execute(DelegateExecution execution) {
      ProposalStatus status = intake.screen(PROPOSAL_ID.require(execution), SCREENING_DECISION.get(execution),
          SCREENING_COMMENT.get(execution));
      if (status == ProposalStatus.REJECTED) {
        REJECTION_REASON.set(execution, "Rejected at PMO screening: " + SCREENING_COMMENT.get(execution));
      }
    }
  }

  @Component("reviseProposal")
  static class ReviseProposal implements JavaDelegate {

    private final IntakeService intake;

    ReviseProposal(IntakeService intake) {
      this.intake = intake;
    }

    @Override
    public void execute(DelegateExecution execution) {
      ProposalDraft draft = draft(execution);
      intake.revise(PROPOSAL_ID.require(execution), draft);
      SUBJECT.set(execution, "Proposal: " + draft.title());
    }
  }

  @Component("recordSponsorDecision")
  static class RecordSponsorDecision implements JavaDelegate {

    private final IntakeService intake;

    RecordSponsorDecision(IntakeService intake) {
      this.intake = intake;
    }

    @Override
    public void execute(DelegateExecution execution) {
      ProposalStatus status = intake.decideAsSponsor(PROPOSAL_ID.require(execution), SPONSOR_DECISION.get(execution),
          SPONSOR_COMMENT.get(execution), PROJECT_MANAGER.get(execution), PLANNED_START.get(execution));
      if (status == ProposalStatus.REJECTED) {
        REJECTION_REASON.set(execution, "Rejected by the sponsor: " + SPONSOR_COMMENT.get(execution));
      }
    }
  }

  @Component("registerProject")
  static class RegisterProject implements JavaDelegate {

    private final IntakeService intake;

    RegisterProject(IntakeService intake) {
      this.intake = intake;
    }

    @Override
    public void execute(DelegateExecution execution) {
      PROJECT_ID.set(execution, intake.register(PROPOSAL_ID.require(execution)));
    }
  }
}
