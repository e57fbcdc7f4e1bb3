package pmo.improvement.proposal;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import pmo.platform.engine.CaseContexts;
import pmo.platform.engine.ContextText;
import pmo.project.ProjectContextLines;

/**
 * What every task of an improvement proposal shows above its form (issue 10 point 4), read from the stored proposal
 * when the task is created: what it concerns, the problem, the proposal and its expected benefit, the project it came
 * from (with its baseline) if any, its status, implementer and due date, and every decision so far (evaluation with
 * its reason, implementation with its notes, verification with its comment) with who and when.
 */
@Component
class ProposalContext implements CaseContexts {

  private final ImprovementRepository proposals;
  private final ProjectContextLines project;

  ProposalContext(ImprovementRepository proposals, ProjectContextLines project) {
    this.proposals = proposals;
    this.project = project;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(ImprovementProposalProcess.KEY);
  }

  @Override
  public String describe(DelegateTask task) {
    return proposals.idOfProcess(task.getProcessInstanceId()).flatMap(proposals::find).map(this::describe)
        .orElse(null);
  }

  private String describe(Proposal p) {
    ContextText text = new ContextText().heading(p.reference() + " · " + p.title());
    if (p.projectId() != null) {
      project.addTo(text, p.projectId());
    }
    text.line("Concerns", p.concerns())
        .line("Problem", p.problem())
        .line("Proposal", p.proposal())
        .line("Expected benefit", p.expectedBenefit())
        .line("Proposed by", p.proposer())
        .line("Status", ContextText.word(p.status().name()))
        .line("Implementer", p.implementer())
        .line("Implement by", p.implementBy() == null ? null : p.implementBy().toString());
    text.decision(p.createdAt(), "Proposed", p.proposer(), null);
    if (p.evaluatedAt() != null) {
      text.decision(p.evaluatedAt(), "Evaluated by the PMO", p.evaluatedBy(), p.evaluationReason());
    }
    if (p.implementedAt() != null) {
      text.decision(p.implementedAt(), "Implemented", p.implementer(), p.implementationNotes());
    }
    if (p.verifiedAt() != null) {
      text.decision(p.verifiedAt(), "Verification (" + ContextText.word(p.status().name()) + ")", p.verifiedBy(),
          p.verificationComment());
    }
    return text.text();
  }
}
