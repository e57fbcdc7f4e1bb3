package pmo.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.audit.AuditService;
import pmo.platform.AuditEntry;
import pmo.platform.CommandValidator;
import pmo.platform.ConflictException;
import pmo.platform.ForbiddenActionException;
import pmo.platform.InputErrors;
import pmo.platform.NotFoundException;
import pmo.platform.Roles;
import pmo.platform.engine.CurrentActor;
import pmo.platform.identity.Directory;
import pmo.project.NewProject;
import pmo.project.ProjectDetails;
import pmo.project.ProjectService;
import pmo.project.ProjectSettings;

/**
 * Project intake: a proposal is submitted, screened by the PMO, revised when sent back, decided by its sponsor and,
 * when approved, registered as a project. Each step checks its input, writes the proposal and an audit event.
 */
@Service
public class IntakeService {

  static final String ENTITY = "PROJECT_PROPOSAL";

  private final ProposalRepository proposals;
  private final ProjectService projects;
  private final ProjectSettings projectSettings;
  private final AuditService audit;
  private final CommandValidator validator;
  private final Directory directory;
  private final CurrentActor actor;
  private final Clock clock;

  IntakeService(ProposalRepository proposals, ProjectService projects, ProjectSettings projectSettings,
      AuditService audit, CommandValidator validator, Directory directory, CurrentActor actor, Clock clock) {
    this.proposals = proposals;
    this.projects = projects;
    this.projectSettings = projectSettings;
    this.audit = audit;
    this.validator = validator;
    this.directory = directory;
    this.actor = actor;
    this.clock = clock;
  }

  /**
   * The first step: records the proposal as submitted by the user who started the process (the authenticated user,
   * never a variable: nobody proposes in someone else's name).
   */
  @Transactional
  public Proposal submit(ProposalDraft draft, String processInstanceId) {
    String requester = actor.id();
    if (CurrentActor.SYSTEM.equals(requester)) {
      throw new ForbiddenActionException("a proposal is submitted by a user: start the process as that user");
    }
    check(draft).throwIfAny();
    long id = proposals.insert(draft, requester, processInstanceId, now());
    Proposal created = get(id);
    audit.record(AuditEntry.created(IntakeAudit.PROPOSAL_SUBMITTED, id, null, created));
    return created;
  }

  /** The proposal a process instance runs (its first step recorded it with the instance's id). */
  @Transactional(readOnly = true)
  public long idOfProcess(String processInstanceId) {
    return proposals.findByProcessInstance(processInstanceId).map(Proposal::id).orElseThrow(
        () -> new IllegalStateException("process instance " + processInstanceId + " has recorded no proposal"));
  }

  @Transactional
  public void revise(long id, ProposalDraft draft) {
    Proposal before = require(id, ProposalStatus.SENT_BACK);
    check(draft).throwIfAny();
    proposals.revise(id, draft, now());
    audit.record(AuditEntry.changed(IntakeAudit.PROPOSAL_REVISED, id, null, before, get(id)));
  }

  /** Records the PMO's screening; returns the proposal's new status. A comment is required to send back or reject. */
  @Transactional
  public ProposalStatus screen(long id, ScreeningDecision decision, String comment) {
    Proposal before = require(id, ProposalStatus.SUBMITTED);
    new InputErrors()
        .require(decision == ScreeningDecision.COMPLETE || hasText(comment), "screeningComment",
            "is required when the proposal is sent back or rejected")
        .throwIfAny();
    ProposalStatus status = switch (decision) {
      case COMPLETE -> ProposalStatus.SCREENED;
      case MORE_INFO -> ProposalStatus.SENT_BACK;
      case REJECT -> ProposalStatus.REJECTED;
    };
    proposals.decide(id, status, comment, null, null, now());
    audit.record(AuditEntry.changed(IntakeAudit.PROPOSAL_SCREENED, id, null, before, get(id)));
    return status;
  }

  /**
   * Records the sponsor's decision. Approval names the project manager (a member of project-managers) and the planned
   * start (not in the past); rejection needs a comment.
   */
  @Transactional
  public ProposalStatus decideAsSponsor(long id, SponsorDecision decision, String comment, String manager,
      LocalDate plannedStart) {
    Proposal before = require(id, ProposalStatus.SCREENED);
    InputErrors errors = new InputErrors();
    if (decision == SponsorDecision.APPROVE) {
      directory.checkUser(errors, "projectManager", manager, Roles.PROJECT_MANAGERS);
      errors.require(plannedStart != null, "plannedStart", "is required when approving");
      errors.require(plannedStart == null || !plannedStart.isBefore(LocalDate.now(clock)), "plannedStart",
          "must not be in the past");
    } else {
      errors.require(hasText(comment), "sponsorComment", "is required when rejecting");
    }
    errors.throwIfAny();
    ProposalStatus status = decision == SponsorDecision.APPROVE ? ProposalStatus.APPROVED : ProposalStatus.REJECTED;
    proposals.decide(id, status, comment, decision == SponsorDecision.APPROVE ? manager : null,
        decision == SponsorDecision.APPROVE ? plannedStart : null, now());
    IntakeAudit action = status == ProposalStatus.APPROVED ? IntakeAudit.PROPOSAL_APPROVED
        : IntakeAudit.PROPOSAL_REJECTED;
    audit.record(AuditEntry.changed(action, id, null, before, get(id)));
    return status;
  }

  /** Registers an approved proposal as a project with baseline version 1; returns the project id. */
  @Transactional
  public long register(long id) {
    Proposal proposal = require(id, ProposalStatus.APPROVED);
    LocalDate start = proposal.plannedStart();
    ProjectDetails project = projects.register(new NewProject(null, proposal.title(), proposal.businessCase(),
        proposal.sponsor(), proposal.projectManager(), proposal.category(), proposal.strategicObjective(),
        proposal.estimatedBudget(), start, start.plusMonths(proposal.estimatedMonths()).minusDays(1),
        "Expected benefits: " + proposal.expectedBenefits()));
    long projectId = project.project().id();
    proposals.linkProject(id, projectId, now());
    audit.record(AuditEntry.changed(IntakeAudit.PROPOSAL_REGISTERED, id, projectId, proposal, get(id)));
    return projectId;
  }

  @Transactional(readOnly = true)
  public Proposal get(long id) {
    return proposals.find(id).orElseThrow(() -> new NotFoundException("proposal", id));
  }

  private InputErrors check(ProposalDraft draft) {
    InputErrors errors = validator.check(draft);
    if (!errors.has("sponsor")) {
      directory.checkUser(errors, "sponsor", draft.sponsor(), null);
    }
    if (draft.category() != null && !errors.has("category")
        && !projectSettings.categories().contains(draft.category())) {
      errors.add("category", "must be one of " + projectSettings.categories());
    }
    return errors;
  }

  private Proposal require(long id, ProposalStatus expected) {
    Proposal proposal = proposals.lock(id).orElseThrow(() -> new NotFoundException("proposal", id));
    if (proposal.status() != expected) {
      throw new ConflictException("proposal " + id + " is " + proposal.status() + ", not " + expected);
    }
    return proposal;
  }

  private static boolean hasText(String s) {
    return s != null && !s.isBlank();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
