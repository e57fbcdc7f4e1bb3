package pmo.change;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;
import pmo.platform.ConflictException;
import pmo.platform.ForbiddenActionException;
import pmo.platform.InputErrors;
import pmo.platform.NotFoundException;
import pmo.platform.SegregationOfDutiesException;
import pmo.platform.identity.Directory;
import pmo.project.Baseline;
import pmo.project.NewBaseline;
import pmo.project.ProjectService;

/**
 * The life of a change request after its assessment: the route the DMN chose, each approval decision and board vote,
 * the board's combined vote, the new baseline on approval, implementation and verification. The four-eyes rule is
 * checked here as well as on the tasks: the requester never approves, votes on or ratifies their own request, and
 * whoever implemented a change does not verify it.
 *
 * <p>Longer than 200 lines: one short method per step after assessment, kept together as one register's writes.
 */
@Service
public class ChangeApprovalService {

  private final ChangeRequestRepository requests;
  private final ProjectService projects;
  private final AuditLog audit;
  private final Directory directory;
  private final Clock clock;

  ChangeApprovalService(ChangeRequestRepository requests, ProjectService projects, AuditLog audit,
      Directory directory, Clock clock) {
    this.requests = requests;
    this.projects = projects;
    this.audit = audit;
    this.directory = directory;
    this.clock = clock;
  }

  /** Records the route and the decision (key, version) that chose it; a pre-approved change is APPROVED at once. */
  @Transactional
  public ChangeRequest route(long id, Route route, String decisionKey, Integer decisionVersion) {
    ChangeRequest before = require(id, ChangeStatus.SUBMITTED);
    boolean preApproved = route == Route.PRE_APPROVED;
    requests.route(id, route, decisionKey, decisionVersion,
        preApproved ? ChangeStatus.APPROVED : ChangeStatus.IN_APPROVAL,
        preApproved ? "Standard change within the pre-approved limits" : null, now());
    ChangeRequest after = get(id);
    audit.record(AuditEntry.changed(preApproved ? ChangeAudit.CHANGE_REQUEST_PRE_APPROVED
        : ChangeAudit.CHANGE_REQUEST_ROUTED, id, after.projectId(), before, after));
    return after;
  }

  /**
   * Records one approval decision or board vote. The decision must be one of the step's choices (else an error naming
   * the form field: an expedited approval cannot ask for rework); reject and rework need a comment. A single approver's decision settles the request at once
   * (PMO, steering committee, expedited); board votes are combined by {@link #tallyBoard}; a retrospective review
   * is recorded without changing the status.
   */
  @Transactional
  public Approval decide(long id, ApprovalStage stage, ApprovalDecision chosen, String comment, String approver,
      String taskId) {
    ChangeRequest before = require(id, stage == ApprovalStage.REVIEW ? ChangeStatus.IMPLEMENTED
        : ChangeStatus.IN_APPROVAL);
    ApprovalDecision decision = stage.offered(chosen);
    new InputErrors()
        .require(decision == ApprovalDecision.APPROVE || (comment != null && !comment.isBlank()), stage.comment.name(),
            "is required when you " + (decision == ApprovalDecision.REWORK ? "ask for rework" : "reject"))
        .require(comment == null || comment.length() <= 2000, stage.comment.name(), "must be at most 2000 characters")
        .throwIfAny();
    if (approver.equals(before.requester())) {
      throw new SegregationOfDutiesException("Four-eyes rule: " + approver + " raised " + before.reference()
          + " and may not decide on it (" + stage.label() + ")");
    }
    if (!directory.isMember(approver, stage.group)) {
      throw new ForbiddenActionException(approver + " is not in group " + stage.group + " and may not decide the "
          + stage.label() + " of " + before.reference());
    }
    long approvalId = requests.insertApproval(id, before.round(), stage, approver, decision, comment, taskId, now());
    Approval approval = requests.approval(approvalId);
    audit.record(AuditEntry.created(stage == ApprovalStage.BOARD ? ChangeAudit.CHANGE_VOTE_RECORDED
        : ChangeAudit.CHANGE_APPROVAL_RECORDED, id, before.projectId(), approval).inTask(taskId));
    if (stage != ApprovalStage.BOARD && stage != ApprovalStage.REVIEW) {
      settle(before, decision, comment);
    }
    return approval;
  }

  /**
   * Combines the board's votes of the current round: any reject rejects; otherwise any rework sends the request back
   * to the requester; otherwise (all approve) it is approved, or goes on to the steering committee on that route.
   */
  @Transactional
  public ApprovalDecision tallyBoard(long id) {
    ChangeRequest before = require(id, ChangeStatus.IN_APPROVAL);
    List<Approval> votes = requests.approvals(id).stream()
        .filter(a -> a.round() == before.round() && a.stage() == ApprovalStage.BOARD).toList();
    if (votes.isEmpty()) {
      throw new ConflictException(before.reference() + " has no board votes in round " + before.round());
    }
    ApprovalDecision outcome = votes.stream().anyMatch(v -> v.decision() == ApprovalDecision.REJECT)
        ? ApprovalDecision.REJECT
        : votes.stream().anyMatch(v -> v.decision() == ApprovalDecision.REWORK) ? ApprovalDecision.REWORK
        : ApprovalDecision.APPROVE;
    String comments = votes.stream().filter(v -> v.decision() == outcome && v.comment() != null)
        .map(v -> v.approver() + ": " + v.comment()).collect(Collectors.joining("; "));
    if (outcome != ApprovalDecision.APPROVE || before.route() == Route.BOARD) {
      settle(before, outcome, "Change board: " + comments);
    }
    return outcome;
  }

  /**
   * Writes the project's next baseline version for an approved change: budget and planned finish moved by the
   * deltas, the scope change appended to the scope summary. Earlier versions stay as they were.
   */
  @Transactional
  public Baseline writeBaseline(long id) {
    // lock order: the project (whose baseline moves) before the request
    projects.lock(get(id).projectId());
    ChangeRequest request = require(id, ChangeStatus.APPROVED);
    if (request.newBaselineVersion() != null) {
      throw new ConflictException(request.reference() + " already wrote baseline v" + request.newBaselineVersion());
    }
    Baseline current = projects.currentBaseline(request.projectId());
    BigDecimal budget = current.budgetAtCompletion().add(request.costDelta());
    InputErrors errors = new InputErrors();
    errors.require(budget.signum() >= 0, "costDelta", "would make the budget negative (the current baseline budget"
        + " is " + current.budgetAtCompletion().toPlainString() + ")");
    var finish = current.plannedFinish().plusDays(request.scheduleDeltaDays());
    errors.require(!finish.isBefore(current.plannedStart()), "scheduleDeltaDays", "would move the planned finish ("
        + current.plannedFinish() + ") before the planned start (" + current.plannedStart() + ")");
    String scope = request.scopeChange() == null || request.scopeChange().isBlank() ? current.scopeSummary()
        : current.scopeSummary() + "\n\n" + request.reference() + ": " + request.scopeChange();
    errors.require(scope.length() <= 8000, "scopeChange", "makes the baseline's scope summary longer than 8000 "
        + "characters");
    errors.throwIfAny();
    Baseline created = projects.addBaseline(request.projectId(), new NewBaseline(budget, current.plannedStart(),
        finish, scope, ChangeRequestService.truncate("Change request " + request.reference() + ": "
        + request.title(), 500), id));
    requests.newBaseline(id, created.version(), now());
    audit.record(AuditEntry.changed(ChangeAudit.CHANGE_REQUEST_REBASELINED, id, request.projectId(), request,
        get(id)));
    return created;
  }

  @Transactional
  public ChangeRequest implement(long id, String notes, String implementer) {
    ChangeRequest before = require(id, ChangeStatus.APPROVED);
    new InputErrors().requireText(notes, ChangeRequestProcess.IMPLEMENTATION_NOTES.name(), 4000).throwIfAny();
    requests.implemented(id, implementer, notes, now());
    ChangeRequest after = get(id);
    audit.record(AuditEntry.changed(ChangeAudit.CHANGE_REQUEST_IMPLEMENTED, id, after.projectId(), before, after));
    return after;
  }

  /** The requester's verification: accept closes the request, reopen sends it back to implementation. */
  @Transactional
  public ChangeRequest verify(long id, VerificationOutcome outcome, String comment, String verifier) {
    ChangeRequest before = require(id, ChangeStatus.IMPLEMENTED);
    InputErrors errors = new InputErrors();
    errors.require(outcome != VerificationOutcome.REOPEN || (comment != null && !comment.isBlank()),
        ChangeRequestProcess.VERIFICATION_COMMENT.name(), "is required when you reopen the change");
    errors.throwIfAny();
    if (verifier.equals(before.implementedBy())) {
      throw new SegregationOfDutiesException("Four-eyes rule: " + verifier + " implemented " + before.reference()
          + " and may not verify it");
    }
    boolean accepted = outcome == VerificationOutcome.ACCEPT;
    requests.verified(id, accepted ? ChangeStatus.CLOSED : ChangeStatus.APPROVED, verifier, comment, now());
    ChangeRequest after = get(id);
    audit.record(AuditEntry.changed(accepted ? ChangeAudit.CHANGE_REQUEST_CLOSED : ChangeAudit.CHANGE_REQUEST_REOPENED,
        id, after.projectId(), before, after));
    return after;
  }

  private void settle(ChangeRequest before, ApprovalDecision decision, String reason) {
    ChangeStatus status = switch (decision) {
      case APPROVE -> ChangeStatus.APPROVED;
      case REJECT -> ChangeStatus.REJECTED;
      case REWORK -> ChangeStatus.REWORK;
    };
    requests.status(before.id(), status, ChangeRequestService.truncate(reason, 2000), now());
    ChangeAudit action = switch (decision) {
      case APPROVE -> ChangeAudit.CHANGE_REQUEST_APPROVED;
      case REJECT -> ChangeAudit.CHANGE_REQUEST_REJECTED;
      case REWORK -> ChangeAudit.CHANGE_REQUEST_SENT_BACK;
    };
    audit.record(AuditEntry.changed(action, before.id(), before.projectId(), before, get(before.id())));
  }

  private ChangeRequest get(long id) {
    return requests.find(id).orElseThrow(() -> new NotFoundException("change request", id));
  }

  private ChangeRequest require(long id, ChangeStatus expected) {
    ChangeRequest request = requests.lock(id).orElseThrow(() -> new NotFoundException("change request", id));
    if (request.status() != expected) {
      throw new ConflictException(request.reference() + " is " + request.status() + ", not " + expected);
    }
    return request;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
