package pmo.intake;

import static pmo.intake.IntakeProcess.PLANNED_START;
import static pmo.intake.IntakeProcess.PROJECT_ID;
import static pmo.intake.IntakeProcess.PROJECT_MANAGER;
import static pmo.intake.IntakeProcess.REJECTION_REASON;
import static pmo.intake.IntakeProcess.REQUESTER;
import static pmo.intake.IntakeProcess.SCREENING_COMMENT;
import static pmo.intake.IntakeProcess.SCREENING_DECISION;
import static pmo.intake.IntakeProcess.SPONSOR_COMMENT;
import static pmo.intake.IntakeProcess.SPONSOR_DECISION;
import static pmo.platform.engine.Tasklist.SUBJECT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import pmo.notice.Confirmations;
import pmo.notice.Confirmations.Confirmation;
import pmo.notice.Text;

/**
 * The Java steps of processes/project-intake.bpmn. Each finds its proposal by the process instance it runs in (never
 * by a variable: README, "Governance that cannot be bypassed"), reads the form through {@link IntakeProcess}, calls {@link IntakeService} and writes
 * back what a gateway or a later form needs.
 */
@Configuration(proxyBeanMethods = false)
class IntakeSteps {

  @Bean
  JavaDelegate recordProposal(IntakeService intake, Confirmations confirmations) {
    return execution -> {
      ProposalDraft draft = IntakeProcess.draft(execution);
      Proposal proposal = intake.submit(draft, execution.getProcessInstanceId());
      // Cockpit, Tasklist and the history API name the instance by its proposal, not by a UUID
      execution.setProcessBusinessKey(proposal.reference());
      REQUESTER.setIfChanged(execution, proposal.requester());
      SUBJECT.set(execution, "Proposal: " + draft.title());
      confirmations.confirm(new Confirmation(Text.of("case.projectProposal"), proposal.reference(),
          proposal.title(), proposal.requester(), null, Text.of("waits.proposalScreening", proposal.sponsor())));
    };
  }

  @Bean
  JavaDelegate recordScreeningDecision(IntakeService intake) {
    return execution -> {
      ProposalStatus status = intake.screen(proposalOf(intake, execution), SCREENING_DECISION.require(execution),
          SCREENING_COMMENT.get(execution));
      if (status == ProposalStatus.REJECTED) {
        REJECTION_REASON.set(execution, "Rejected at PMO screening: " + SCREENING_COMMENT.get(execution));
      }
    };
  }

  @Bean
  JavaDelegate reviseProposal(IntakeService intake) {
    return execution -> {
      ProposalDraft draft = IntakeProcess.draft(execution);
      intake.revise(proposalOf(intake, execution), draft);
      SUBJECT.set(execution, "Proposal: " + draft.title());
    };
  }

  @Bean
  JavaDelegate recordSponsorDecision(IntakeService intake) {
    return execution -> {
      ProposalStatus status = intake.decideAsSponsor(proposalOf(intake, execution), SPONSOR_DECISION.require(execution),
          SPONSOR_COMMENT.get(execution), PROJECT_MANAGER.get(execution), PLANNED_START.get(execution));
      if (status == ProposalStatus.REJECTED) {
        REJECTION_REASON.set(execution, "Rejected by the sponsor: " + SPONSOR_COMMENT.get(execution));
      }
    };
  }

  @Bean
  JavaDelegate registerProject(IntakeService intake) {
    return execution -> PROJECT_ID.set(execution, intake.register(proposalOf(intake, execution)));
  }

  private static long proposalOf(IntakeService intake, DelegateExecution execution) {
    return intake.idOfProcess(execution.getProcessInstanceId());
  }
}
