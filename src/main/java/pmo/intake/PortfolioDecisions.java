package pmo.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.audit.AuditService;
import pmo.platform.AuditEntry;
import pmo.platform.ConflictException;
import pmo.platform.InputErrors;
import pmo.platform.NotFoundException;
import pmo.platform.Roles;
import pmo.platform.engine.SystemActions;
import pmo.platform.identity.Directory;

/**
 * A portfolio review's decision on a proposal waiting for its sponsor (SCREENED): approved, it gets its project manager
 * and planned start and enters intake's registration (the intake process moves on from the sponsor's task to
 * "Register project", by a message the system sends); rejected, the requester reads the reason as after any rejection.
 * Recorded and audited as the sponsor's decision would be, in the caller's transaction.
 */
@Service
public class PortfolioDecisions {

  private final ProposalRepository proposals;
  private final AuditService audit;
  private final Directory directory;
  private final SystemActions system;
  private final RuntimeService runtime;
  private final Clock clock;

  PortfolioDecisions(ProposalRepository proposals, AuditService audit, Directory directory, SystemActions system,
      RuntimeService runtime, Clock clock) {
    this.proposals = proposals;
    this.audit = audit;
    this.directory = directory;
    this.system = system;
    this.runtime = runtime;
    this.clock = clock;
  }

  /** Checks an approval's project manager and planned start, naming the caller's fields. */
  public void checkApproval(InputErrors errors, String managerField, String manager, String startField,
      LocalDate plannedStart) {
    directory.checkUser(errors, managerField, manager, Roles.PROJECT_MANAGERS);
    errors.require(plannedStart != null, startField, "is required when approving");
    errors.require(plannedStart == null || !plannedStart.isBefore(LocalDate.now(clock)), startField,
        "must not be in the past");
  }

  @Transactional
  public void approve(long id, String manager, LocalDate plannedStart, String reason) {
    Proposal before = waiting(id);
    InputErrors errors = new InputErrors();
    checkApproval(errors, "projectManager", manager, "plannedStart", plannedStart);
    errors.throwIfAny();
    proposals.decide(id, ProposalStatus.APPROVED, reason, manager, plannedStart, OffsetDateTime.now(clock));
    audit.record(AuditEntry.changed(IntakeAudit.PROPOSAL_APPROVED, id, null, before, proposals.find(id).orElseThrow()));
    move(before, SponsorDecision.APPROVE, null);
  }

  @Transactional
  public void reject(long id, String reason) {
    Proposal before = waiting(id);
    new InputErrors().requireText(reason, "reason", 2000).throwIfAny();
    proposals.decide(id, ProposalStatus.REJECTED, reason, null, null, OffsetDateTime.now(clock));
    audit.record(AuditEntry.changed(IntakeAudit.PROPOSAL_REJECTED, id, null, before, proposals.find(id).orElseThrow()));
    move(before, SponsorDecision.REJECT, "Rejected in a portfolio review: " + reason);
  }

  private Proposal waiting(long id) {
    Proposal proposal = proposals.lock(id).orElseThrow(() -> new NotFoundException("proposal", id));
    if (proposal.status() != ProposalStatus.SCREENED) {
      throw new ConflictException("proposal " + id + " is " + proposal.status()
          + ": a portfolio review decides only on screened proposals waiting for their sponsor");
    }
    return proposal;
  }

  private void move(Proposal proposal, SponsorDecision decision, String rejectionReason) {
    system.call(() -> {
      var correlation = runtime.createMessageCorrelation(IntakeProcess.MESSAGE_PORTFOLIO_DECISION)
          .processInstanceId(proposal.processInstanceId())
          .setVariable(IntakeProcess.PORTFOLIO_DECISION.name(), IntakeProcess.PORTFOLIO_DECISION.raw(decision));
      if (rejectionReason != null) {
        correlation.setVariable(IntakeProcess.REJECTION_REASON.name(), rejectionReason);
      }
      correlation.correlate();
      return null;
    });
  }
}
