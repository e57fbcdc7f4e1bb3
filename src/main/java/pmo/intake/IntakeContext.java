package pmo.intake;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import pmo.platform.Money;
import pmo.platform.engine.CaseContexts;
import pmo.platform.engine.ContextText;

/**
 * What the tasks of a project proposal show above their forms (issue 10 point 4), read from the stored proposal when
 * the task is created: who raised it and when, the estimated budget in {@code pmo.currency} and duration, its status,
 * and the last decision's reason (why the PMO sent it back, for instance). The proposal has no project yet.
 */
@Component
class IntakeContext implements CaseContexts {

  private final ProposalRepository proposals;
  private final Money money;

  IntakeContext(ProposalRepository proposals, Money money) {
    this.proposals = proposals;
    this.money = money;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(IntakeProcess.KEY);
  }

  @Override
  public String describe(DelegateTask task) {
    return proposals.findByProcessInstance(task.getProcessInstanceId()).map(this::describe).orElse(null);
  }

  private String describe(Proposal p) {
    ContextText text = new ContextText().heading(p.reference() + " · " + p.title())
        .line("Requested by", p.requester())
        .line("Sponsor", p.sponsor())
        .line("Category", p.category())
        .line("Estimated budget", money.format(p.estimatedBudget()))
        .line("Estimated duration", p.estimatedMonths() + (p.estimatedMonths() == 1 ? " month" : " months"))
        .line("Strategic objective", p.strategicObjective())
        .line("Status", ContextText.word(p.status().name()))
        .line("Project manager", p.projectManager())
        .line("Planned start", p.plannedStart() == null ? null : p.plannedStart().toString());
    text.decision(p.createdAt(), "Raised", p.requester(), null);
    if (p.decisionReason() != null && p.status() != ProposalStatus.SUBMITTED) {
      text.decision(p.updatedAt(), "Last decision (" + ContextText.word(p.status().name()) + ")", null,
          p.decisionReason());
    } else if (p.decisionReason() != null) {
      text.decision(p.updatedAt(), "Earlier decision (sent back)", null, p.decisionReason());
    }
    return text.text();
  }
}
