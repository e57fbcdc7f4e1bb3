package pmo.improvement.proposal;

import static pmo.improvement.proposal.ImprovementProposalProcess.DEPLOYMENT_ID;
import static pmo.improvement.proposal.ImprovementProposalProcess.IMPLEMENTATION_NOTES;
import static pmo.improvement.proposal.ImprovementProposalProcess.IMPLEMENTER;
import static pmo.improvement.proposal.ImprovementProposalProcess.POINTS;
import static pmo.improvement.proposal.ImprovementProposalProcess.PROPOSER;
import static pmo.improvement.proposal.ImprovementProposalProcess.VERIFICATION;
import static pmo.improvement.proposal.ImprovementProposalProcess.VERIFICATION_COMMENT;
import static pmo.platform.engine.Tasklist.SUBJECT;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import pmo.notice.Confirmations;
import pmo.notice.Confirmations.Confirmation;
import pmo.notice.Text;

/**
 * The Java steps of processes/improvement-proposal.bpmn, each a bean named as the model's {@code delegateExpression}.
 * A step finds its proposal by the process instance it runs in (never by a variable), reads the form's variables
 * through {@link ImprovementProposalProcess}, calls {@link ProposalService} and writes back what a later form or task
 * needs: the proposer, the implementer (the task's assignee) and the points each form offers.
 */
@Configuration(proxyBeanMethods = false)
class ImprovementSteps {

  @Bean
  JavaDelegate recordImprovementProposal(ProposalService service, Confirmations confirmations) {
    return execution -> {
      Proposal proposal = service.record(ImprovementProposalProcess.draft(execution),
          execution.getProcessInstanceId());
      execution.setProcessBusinessKey(proposal.reference());
      PROPOSER.setIfChanged(execution, proposal.proposer());
      POINTS.set(execution, BigDecimal.valueOf(service.acceptedPoints()));
      subject(execution, proposal);
      confirmations.confirm(new Confirmation(Text.of("case.improvementProposal"), proposal.reference(),
          proposal.title(), proposal.proposer(), proposal.projectId(), Text.of("waits.improvementEvaluation")));
    };
  }

  @Bean
  JavaDelegate recordProposalEvaluation(ProposalService service) {
    return execution -> {
      Proposal proposal = service.evaluate(caseOf(service, execution),
          ImprovementProposalProcess.evaluation(execution));
      if (proposal.implementer() != null) {
        IMPLEMENTER.set(execution, proposal.implementer());
      }
    };
  }

  @Bean
  JavaDelegate reviseImprovementProposal(ProposalService service) {
    return execution -> subject(execution, service.revise(caseOf(service, execution),
        ImprovementProposalProcess.draft(execution)));
  }

  @Bean
  JavaDelegate recordProposalImplementation(ProposalService service) {
    return execution -> {
      service.implement(caseOf(service, execution), IMPLEMENTATION_NOTES.get(execution),
          DEPLOYMENT_ID.get(execution));
      POINTS.set(execution, BigDecimal.valueOf(service.verifiedPoints()));
    };
  }

  @Bean
  JavaDelegate recordProposalVerification(ProposalService service) {
    return execution -> service.verify(caseOf(service, execution), VERIFICATION.get(execution),
        VERIFICATION_COMMENT.get(execution), POINTS.get(execution));
  }

  @Bean
  JavaDelegate sendProposalNotices(ProposalService service, ProposalNotices notices) {
    return execution -> notices.sendPending(caseOf(service, execution));
  }

  private static long caseOf(ProposalService service, DelegateExecution execution) {
    return service.idOfProcess(execution.getProcessInstanceId());
  }

  private static void subject(DelegateExecution execution, Proposal proposal) {
    SUBJECT.set(execution, proposal.reference() + ": " + proposal.title());
  }
}
