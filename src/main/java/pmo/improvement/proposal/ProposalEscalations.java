package pmo.improvement.proposal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import pmo.escalation.EscalatedCase;
import pmo.escalation.EscalatedCases;
import pmo.escalation.Escalation;
import pmo.escalation.EscalationStep;
import pmo.escalation.EscalationTrigger;
import pmo.notice.Text;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;
import pmo.platform.Durations;

/**
 * The deadline steps of improvement-proposal.bpmn as escalation steps: before an accepted proposal's due date its
 * implementer is reminded (implementation-reminder), after it the implementation goes to the party the model names,
 * the PMO (implementation-overdue). A proposal implemented meanwhile is neither. The proposer gets no notice of the
 * escalation (they may not verify the proposal). The audit trail records PROPOSAL_IMPLEMENTATION_REMINDED or
 * PROPOSAL_IMPLEMENTATION_ESCALATED.
 */
@Component
class ProposalEscalations implements EscalatedCases {

  private final ImprovementRepository proposals;
  private final ImprovementDeadlines deadlines;
  private final ProposalSettings settings;
  private final AuditLog audit;

  ProposalEscalations(ImprovementRepository proposals, ImprovementDeadlines deadlines, ProposalSettings settings,
      AuditLog audit) {
    this.proposals = proposals;
    this.deadlines = deadlines;
    this.settings = settings;
    this.audit = audit;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(ImprovementProposalProcess.KEY);
  }

  @Override
  public Optional<EscalatedCase> lock(String processInstanceId, EscalationStep step, VariableScope variables) {
    boolean reminder = switch (step.trigger()) {
      case IMPLEMENTATION_REMINDER -> true;
      case IMPLEMENTATION_OVERDUE -> false;
      default -> throw new IllegalStateException("improvement-proposal.bpmn escalates on '" + step.trigger().value()
          + "', which improvement proposals do not know");
    };
    long id = proposals.idOfProcess(processInstanceId).orElseThrow(() -> new IllegalStateException(
        "process instance " + processInstanceId + " has recorded no improvement proposal"));
    Proposal proposal = proposals.lock(id).orElseThrow();
    if (proposal.status() != ProposalStatus.ACCEPTED) {
      return Optional.empty();
    }
    String phase = reminder ? "reminder" : "escalation";
    Instant due = deadlines.due(processInstanceId);
    OffsetDateTime missed = (reminder ? due.minus(settings.reminderBefore()) : due.plus(settings.escalateAfter()))
        .atOffset(ZoneOffset.UTC);
    Text reason = Text.of("escalation.proposal.reason." + phase, proposal.reference(), proposal.implementer(),
        proposal.implementBy());
    String rule = step.rule() != null ? step.rule() : reminder
        ? "pmo.improvement.proposals.reminder-before = " + Durations.iso(settings.reminderBefore())
        : "pmo.improvement.proposals.escalate-after = " + Durations.iso(settings.escalateAfter());
    Text ask = Text.of("escalation.ask", Text.of("escalation.proposal.ask." + phase),
        Text.of("escalation.proposal.case", proposal.reference(), proposal.title()));
    return Optional.of(new EscalatedCase(ProposalService.ENTITY, id, proposal.projectId(), reason, rule, missed,
        List.of(proposal.implementer()), null, new EscalatedCase.NoticeText(Text.of(
        "escalation.proposal.subject", proposal.reference(), proposal.implementBy(), proposal.title()), ask,
        reminder ? Set.of() : Set.of(proposal.proposer()))));
  }

  @Override
  public void escalated(EscalatedCase escalatedCase, Escalation escalation) {
    audit.record(AuditEntry.created(escalation.trigger() == EscalationTrigger.IMPLEMENTATION_REMINDER
        ? ImprovementAudit.PROPOSAL_IMPLEMENTATION_REMINDED : ImprovementAudit.PROPOSAL_IMPLEMENTATION_ESCALATED,
        escalatedCase.entityId(), escalatedCase.projectId(), escalation));
  }
}
