package pmo.improvement.proposal;

import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/**
 * The deadlines of an accepted proposal's implementation as the timers of improvement-proposal.bpmn read them
 * ({@code ${improvementDeadlines.reminderAt(execution.processInstanceId)}}), from the stored proposal, never from a
 * variable: due at the end of its due date (UTC); the implementer is reminded {@code pmo.improvement.proposals.
 * reminder-before} earlier and the PMO gets the escalation {@code escalate-after} later. ISO-8601 date-times.
 */
@Component("improvementDeadlines")
public class ImprovementDeadlines {

  private final ImprovementRepository proposals;
  private final ProposalSettings settings;

  ImprovementDeadlines(ImprovementRepository proposals, ProposalSettings settings) {
    this.proposals = proposals;
    this.settings = settings;
  }

  /** When the implementer is reminded. */
  public String reminderAt(String processInstanceId) {
    return due(processInstanceId).minus(settings.reminderBefore()).toString();
  }

  /** When the implementation is escalated to the PMO. */
  public String escalateAt(String processInstanceId) {
    return due(processInstanceId).plus(settings.escalateAfter()).toString();
  }

  Instant due(String processInstanceId) {
    Proposal proposal = proposals.idOfProcess(processInstanceId).flatMap(proposals::find).orElseThrow(
        () -> new IllegalStateException("process instance " + processInstanceId + " has no improvement proposal"));
    if (proposal.implementBy() == null) {
      throw new IllegalStateException(proposal.reference() + " has no due date: it was not accepted");
    }
    return proposal.implementBy().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}
