package pmo.improvement.proposal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;
import pmo.platform.Choice;
import pmo.platform.ConflictException;
import pmo.platform.InputErrors;
import pmo.platform.NotFoundException;
import pmo.platform.Roles;
import pmo.platform.engine.CurrentActor;
import pmo.platform.engine.SystemActions;
import pmo.platform.identity.Directory;

/**
 * Improvement proposals: anyone submits one (the start of processes/improvement-proposal.bpmn), the PMO evaluates it
 * (accept with an implementer and a due date, reject, or ask for more information; always with a reason), the
 * implementer records what was done (and the deployment, when a process, decision or form changed), the PMO verifies
 * the benefit. Accepted and verified proposals earn their proposer recognition points ({@link Recognition}). Every
 * change is audited; bad input is refused naming the field before anything is written; a step on a proposal that has
 * moved on meanwhile is a conflict.
 *
 * <p>Longer than 200 lines because each step of the proposal (submit, evaluate, revise, implement, verify) locks,
 * checks its state, changes and audits the same row; one class shows the whole life of a proposal in order.
 */
@Service
public class ProposalService {

  public static final String ENTITY = "IMPROVEMENT_PROPOSAL";
  static final int MAX_REASON = 2000;
  static final int MAX_DUE_DAYS = 366;

  private final ImprovementRepository proposals;
  private final ProposalChecks checks;
  private final ProposalSettings settings;
  private final Recognition recognition;
  private final ProposalNotices notices;
  private final Directory directory;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final SystemActions system;
  private final AuditLog audit;
  private final CurrentActor actor;
  private final JdbcClient jdbc;
  private final Clock clock;

  ProposalService(ImprovementRepository proposals, ProposalChecks checks, ProposalSettings settings,
      Recognition recognition, ProposalNotices notices, Directory directory, RuntimeService runtime,
      RepositoryService repository, SystemActions system, AuditLog audit, CurrentActor actor, JdbcClient jdbc,
      Clock clock) {
    this.proposals = proposals;
    this.checks = checks;
    this.settings = settings;
    this.recognition = recognition;
    this.notices = notices;
    this.directory = directory;
    this.runtime = runtime;
    this.repository = repository;
    this.system = system;
    this.audit = audit;
    this.actor = actor;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** What the PMO decides on a proposal (the evaluation form's radio values). */
  enum Decision implements Choice {
    ACCEPT("accept"), REJECT("reject"), MORE_INFO("more-info");

    final String value;

    Decision(String value) {
      this.value = value;
    }

    @Override
    public String value() {
      return value;
    }
  }

  /** What the PMO finds when verifying the benefit. */
  enum Verification implements Choice {
    CONFIRMED("confirmed"), NOT_CONFIRMED("not-confirmed");

    final String value;

    Verification(String value) {
      this.value = value;
    }

    @Override
    public String value() {
      return value;
    }
  }

  /**
   * Submits a proposal in the current user's name: starts its process with exactly the start form's fields, so the
   * same rules apply as in Tasklist. Returns the recorded proposal.
   */
  @Transactional
  public Proposal submit(ProposalDraft draft) {
    checks.check(draft);
    String instance = runtime.startProcessInstanceByKey(ImprovementProposalProcess.KEY,
        ImprovementProposalProcess.startVariables(draft)).getId();
    return proposals.find(proposals.idOfProcess(instance).orElseThrow()).orElseThrow();
  }

  /**
   * Submits the change a process owner proposed in a standards review, in their name, linked to the review: the
   * system starts the process (process owners do not start proposals themselves), the owner is its proposer.
   */
  @Transactional
  public Proposal submitFromReview(ProposalDraft draft, long reviewId) {
    checks.check(draft);
    String instance = system.startProcess(ImprovementProposalProcess.KEY, null,
        ImprovementProposalProcess.startVariables(draft));
    return linkToReview(instance, reviewId);
  }

  /** Records the proposal of a process instance that has just started (its first step); the proposer is its user. */
  @Transactional
  public Proposal record(ProposalDraft draft, String processInstanceId) {
    List<Long> lessons = checks.check(draft);
    long id = proposals.insert(draft, actor.id(), null, processInstanceId, now());
    proposals.replaceLessons(id, lessons);
    Proposal recorded = proposals.find(id).orElseThrow();
    audit.record(AuditEntry.created(ImprovementAudit.PROPOSAL_SUBMITTED, id, recorded.projectId(), recorded));
    return recorded;
  }

  /** Links a proposal that a standards review started to that review. */
  @Transactional
  public Proposal linkToReview(String processInstanceId, long reviewId) {
    long id = idOfProcess(processInstanceId);
    jdbc.sql("update improvement_proposal set review_id = :review where id = :id").param("review", reviewId)
        .param("id", id).update();
    return proposals.find(id).orElseThrow();
  }

  /** The proposer's revision after the PMO asked for more information. */
  @Transactional
  public Proposal revise(long id, ProposalDraft draft) {
    Proposal before = lockIn(id, ProposalStatus.MORE_INFO, "revised");
    List<Long> lessons = checks.check(draft);
    proposals.revise(id, draft, now());
    proposals.replaceLessons(id, lessons);
    Proposal after = proposals.find(id).orElseThrow();
    audit.record(AuditEntry.changed(ImprovementAudit.PROPOSAL_REVISED, id, after.projectId(), before, after));
    return after;
  }

  /** The PMO's evaluation; on accept the proposer earns the accepted points. Queues the notices it causes. */
  @Transactional
  public Proposal evaluate(long id, Evaluation evaluation) {
    Proposal before = lockIn(id, ProposalStatus.SUBMITTED, "evaluated");
    InputErrors errors = new InputErrors();
    Decision decision = evaluation.decision();
    errors.require(decision != null, ImprovementProposalProcess.EVALUATION.name(), "is required");
    errors.requireText(evaluation.reason(), "evaluationReason", MAX_REASON);
    Integer points = points(errors, evaluation.points(), decision == Decision.ACCEPT);
    if (decision == Decision.ACCEPT) {
      checkImplementer(errors, evaluation.implementer());
      LocalDate today = LocalDate.now(clock);
      errors.require(evaluation.implementBy() != null, "implementBy", "is required to accept: the due date");
      errors.require(evaluation.implementBy() == null || evaluation.implementBy().isAfter(today), "implementBy",
          "must be after today (" + today + ")");
      errors.require(evaluation.implementBy() == null
          || !evaluation.implementBy().isAfter(today.plusDays(MAX_DUE_DAYS)), "implementBy", "must be within a year");
    }
    errors.throwIfAny();
    String by = actor.id();
    ProposalStatus status = switch (decision) {
      case ACCEPT -> ProposalStatus.ACCEPTED;
      case REJECT -> ProposalStatus.REJECTED;
      case MORE_INFO -> ProposalStatus.MORE_INFO;
    };
    boolean accepted = decision == Decision.ACCEPT;
    proposals.evaluated(id, status, evaluation.reason().trim(), by, accepted ? evaluation.implementer().trim() : null,
        accepted ? evaluation.implementBy() : null, now());
    Proposal after = proposals.find(id).orElseThrow();
    audit.record(AuditEntry.changed(switch (decision) {
      case ACCEPT -> ImprovementAudit.PROPOSAL_ACCEPTED;
      case REJECT -> ImprovementAudit.PROPOSAL_REJECTED;
      case MORE_INFO -> ImprovementAudit.PROPOSAL_MORE_INFO_REQUESTED;
    }, id, after.projectId(), before, after));
    if (accepted) {
      recognition.award(after, Recognition.Reason.ACCEPTED, points, by);
    }
    notices.queueEvaluation(after);
    return after;
  }

  /** The implementer's record of what was done, with the deployment that changed the standard, if one did. */
  @Transactional
  public Proposal implement(long id, String notes, String deploymentId) {
    Proposal before = lockIn(id, ProposalStatus.ACCEPTED, "implemented");
    InputErrors errors = new InputErrors();
    errors.requireText(notes, "implementationNotes", ProposalChecks.MAX_TEXT);
    String deployment = deploymentId == null || deploymentId.isBlank() ? null : deploymentId.trim();
    errors.require(deployment == null || system.call(() -> repository.createDeploymentQuery()
        .deploymentId(deployment).count()) > 0, "deploymentId", "no deployment '" + deployment + "'");
    errors.throwIfAny();
    proposals.implemented(id, notes.trim(), deployment, now());
    Proposal after = proposals.find(id).orElseThrow();
    audit.record(AuditEntry.changed(ImprovementAudit.PROPOSAL_IMPLEMENTED, id, after.projectId(), before, after));
    return after;
  }

  /** The PMO's verification of the benefit; a confirmed benefit earns the proposer the verified points. */
  @Transactional
  public Proposal verify(long id, Verification outcome, String comment, BigDecimal givenPoints) {
    Proposal before = lockIn(id, ProposalStatus.IMPLEMENTED, "verified");
    InputErrors errors = new InputErrors();
    errors.require(outcome != null, ImprovementProposalProcess.VERIFICATION.name(), "is required");
    String text = comment == null || comment.isBlank() ? null : comment.trim();
    errors.require(text == null || text.length() <= MAX_REASON, "verificationComment",
        "must be at most " + MAX_REASON + " characters");
    errors.require(outcome != Verification.NOT_CONFIRMED || text != null, "verificationComment",
        "is required when the benefit is not confirmed: what was missing");
    Integer points = points(errors, givenPoints, outcome == Verification.CONFIRMED);
    errors.throwIfAny();
    String by = actor.id();
    boolean confirmed = outcome == Verification.CONFIRMED;
    proposals.verified(id, confirmed ? ProposalStatus.VERIFIED : ProposalStatus.NOT_VERIFIED, text, by, now());
    Proposal after = proposals.find(id).orElseThrow();
    audit.record(AuditEntry.changed(confirmed ? ImprovementAudit.PROPOSAL_VERIFIED
        : ImprovementAudit.PROPOSAL_NOT_VERIFIED, id, after.projectId(), before, after));
    if (confirmed) {
      recognition.award(after, Recognition.Reason.VERIFIED, points, by);
    }
    notices.queueOutcome(after);
    return after;
  }

  /** The points the evaluation form offers for accepting a proposal. */
  int acceptedPoints() {
    return settings.acceptedPoints();
  }

  /** The points the verification form offers for a confirmed benefit. */
  int verifiedPoints() {
    return settings.verifiedPoints();
  }

  @Transactional(readOnly = true)
  public long idOfProcess(String processInstanceId) {
    return proposals.idOfProcess(processInstanceId).orElseThrow(() -> new IllegalStateException(
        "process instance " + processInstanceId + " has recorded no improvement proposal"));
  }

  private Proposal lockIn(long id, ProposalStatus expected, String what) {
    Proposal proposal = proposals.lock(id).orElseThrow(() -> new NotFoundException("improvement proposal", id));
    if (proposal.status() != expected) {
      throw new ConflictException(proposal.reference() + " is " + proposal.status().name().toLowerCase()
          + " and cannot be " + what + " now");
    }
    return proposal;
  }

  /** The points awarded: a whole number from 0 to max-points; required when {@code needed}. */
  private Integer points(InputErrors errors, BigDecimal given, boolean needed) {
    if (given == null) {
      errors.require(!needed, "points", "is required: the recognition points for the proposer (0 to "
          + settings.maxPoints() + ")");
      return null;
    }
    boolean whole = given.stripTrailingZeros().scale() <= 0;
    if (!whole || given.signum() < 0 || given.compareTo(BigDecimal.valueOf(settings.maxPoints())) > 0) {
      errors.add("points", "must be a whole number from 0 to " + settings.maxPoints() + ", not "
          + given.stripTrailingZeros().toPlainString());
      return null;
    }
    return given.intValueExact();
  }

  private void checkImplementer(InputErrors errors, String implementer) {
    if (implementer == null || implementer.isBlank()) {
      errors.add("implementer", "is required to accept: who implements it (a process owner or a PMO member)");
      return;
    }
    String id = implementer.trim();
    if (!directory.userExists(id)) {
      errors.add("implementer", "unknown user '" + id + "'");
    } else if (!directory.isMember(id, Roles.PROCESS_OWNERS) && !directory.isMember(id, Roles.PMO)) {
      errors.add("implementer", id + " is neither a process owner nor in the PMO");
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
