package pmo.change;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import pmo.audit.AuditService;
import pmo.escalation.EscalationService;
import pmo.platform.AuditEntry;
import pmo.platform.CommandValidator;
import pmo.platform.ConflictException;
import pmo.platform.ForbiddenActionException;
import pmo.platform.InputErrors;
import pmo.platform.InvalidInputException;
import pmo.platform.NotFoundException;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.Viewer;
import pmo.platform.engine.CurrentActor;
import pmo.platform.identity.Directory;
import pmo.project.Baseline;
import pmo.project.ProjectCancelled;
import pmo.project.ProjectService;

/**
 * Change requests: raising one (Tasklist start form, REST, or another capability in a requester's name), the
 * project manager's impact assessment, the requester's revision after "rework", reads, and cancellation with the
 * project. Every write checks its input first and records an audit event in the same transaction.
 *
 * <p>Longer than 200 lines: one short method per step before approval, kept together as one register's writes.
 */
@Service
public class ChangeRequestService {

  public static final String ENTITY = "CHANGE_REQUEST";

  private final ChangeRequestRepository requests;
  private final ProjectService projects;
  private final AuditService audit;
  private final CommandValidator validator;
  private final Directory directory;
  private final CurrentActor actor;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final ChangeEngine engine;
  private final ChangeRequestChecks checks;
  private final EscalationService escalations;
  private final Clock clock;

  ChangeRequestService(ChangeRequestRepository requests, ProjectService projects, AuditService audit,
      CommandValidator validator, Directory directory, CurrentActor actor, RuntimeService runtime,
      IdentityService identity, ChangeEngine engine, ChangeRequestChecks checks, EscalationService escalations,
      Clock clock) {
    this.requests = requests;
    this.projects = projects;
    this.audit = audit;
    this.validator = validator;
    this.directory = directory;
    this.actor = actor;
    this.runtime = runtime;
    this.identity = identity;
    this.engine = engine;
    this.checks = checks;
    this.escalations = escalations;
    this.clock = clock;
  }

  /**
   * Raises a change request for a project in the name of {@code requester}: checks it as the start form and the
   * first process step do, then starts the process as that user. For REST and for other capabilities (for example
   * an issue that needs a change). Bad input is rejected before anything is written.
   */
  @Transactional
  public ChangeRequest raise(ChangeRequestDraft draft, String requester) {
    InputErrors errors = checks.check(draft);
    directory.checkUser(errors, "requester", requester, null);
    errors.throwIfAny();
    Map<String, Object> variables = ChangeRequestProcess.startVariables(draft);
    ProcessInstance instance = asUser(requester, () -> runtime.startProcessInstanceByKey(ChangeRequestProcess.KEY,
        variables));
    return requests.findByProcessInstance(instance.getId()).orElseThrow();
  }

  /**
   * The first process step: records the request, status SUBMITTED, raised by the user who started the process (the
   * authenticated user, never a variable: a request cannot be raised in someone else's name).
   */
  @Transactional
  public ChangeRequest record(ChangeRequestDraft draft, String processInstanceId) {
    String requester = actor.id();
    if (CurrentActor.SYSTEM.equals(requester)) {
      throw new ForbiddenActionException("a change request is raised by a user: start the process as that user");
    }
    checks.check(draft).throwIfAny();
    long id = requests.insert(draft, requester, processInstanceId, now());
    ChangeRequest created = get(id);
    audit.record(AuditEntry.created(ChangeAudit.CHANGE_REQUEST_RAISED, id, created.projectId(), created));
    return created;
  }

  /**
   * Records the project manager's impact assessment, measured against the project's current baseline: the cost
   * delta as a percentage of its budget, the schedule delta as a percentage of its planned duration in days (both
   * absolute, rounded up to two decimals so that anything above a threshold counts as above it; a change to a zero
   * budget counts as 100 %). Returns the request with the percentages the routing decision reads.
   */
  @Transactional
  public ChangeRequest assess(long id, ImpactAssessment assessment) {
    ChangeRequest before = require(requests.lock(id), id, ChangeStatus.SUBMITTED);
    InputErrors errors = validator.check(assessment);
    Baseline baseline = checks.checkProject(errors, before.projectId(), assessment.costDelta(),
        assessment.scheduleDeltaDays());
    errors.throwIfAny();
    long plannedDays = ChronoUnit.DAYS.between(baseline.plannedStart(), baseline.plannedFinish()) + 1;
    requests.assess(id, assessment, actor.id(), baseline.version(),
        ChangeRequestChecks.percent(assessment.costDelta(), baseline.budgetAtCompletion()),
        ChangeRequestChecks.percent(BigDecimal.valueOf(assessment.scheduleDeltaDays()),
            BigDecimal.valueOf(plannedDays)), now());
    ChangeRequest after = get(id);
    audit.record(AuditEntry.changed(ChangeAudit.CHANGE_REQUEST_ASSESSED, id, after.projectId(), before, after));
    return after;
  }

  /** The requester's revision after a decision asked for rework: back to SUBMITTED, in the next round. */
  @Transactional
  public ChangeRequest revise(long id, ChangeRequestDraft draft) {
    ChangeRequest before = require(requests.lock(id), id, ChangeStatus.REWORK);
    ChangeRequestDraft revised = draft.onProject(before.projectId());
    checks.check(revised).throwIfAny();
    requests.revise(id, revised, now());
    ChangeRequest after = get(id);
    audit.record(AuditEntry.changed(ChangeAudit.CHANGE_REQUEST_REVISED, id, after.projectId(), before, after));
    return after;
  }

  /**
   * A cancelled project takes its open change requests with it: each is CANCELLED with the reason and its process
   * ends, in the cancelling transaction, which holds the project's lock (RowLocks' order: the project, then each
   * request). A request that finished before its lock was taken is left as it is.
   */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  public void onProjectCancelled(ProjectCancelled cancelled) {
    String reason = truncate("Project cancelled: " + cancelled.reason(), 2000);
    for (ChangeRequest open : requests.openForProject(cancelled.projectId())) {
      ChangeRequest before = requests.lock(open.id()).orElseThrow();
      if (!before.status().isOpen()) {
        continue;
      }
      requests.status(open.id(), ChangeStatus.CANCELLED, reason, now());
      audit.record(AuditEntry.changed(ChangeAudit.CHANGE_REQUEST_CANCELLED, open.id(), open.projectId(), before,
          get(open.id())));
      engine.endProcess(before.processInstanceId(), reason);
    }
  }

  @Transactional(readOnly = true)
  public ChangeRequest get(long id) {
    return requests.find(id).orElseThrow(() -> new NotFoundException("change request", id));
  }

  /** The manager of the request's project, who assesses and implements it (null when the project has none). */
  @Transactional(readOnly = true)
  public String projectManager(long id) {
    return projects.find(get(id).projectId()).manager();
  }

  /** A request with its approvals, escalations and history, for a reader who may see it (else it is not found). */
  @Transactional(readOnly = true)
  public ChangeRequestDetails details(long id, Viewer viewer) {
    ChangeRequest request = get(id);
    if (!requests.sees(id, viewer)) {
      throw NotFoundException.notVisible("change request", id);
    }
    return new ChangeRequestDetails(request, requests.approvals(id), escalations.of(ENTITY, id),
        audit.forEntity(ENTITY, id));
  }

  /** The requests the reader may see, filtered and paged. */
  @Transactional(readOnly = true)
  public Page<ChangeRequest> list(ChangeRequestFilter filter, PageRequest page, Viewer viewer) {
    return requests.list(filter, page, viewer);
  }

  /** The change request a process instance runs (its first step recorded it with the instance's id). */
  @Transactional(readOnly = true)
  public long idOfProcess(String processInstanceId) {
    return requests.idOfProcess(processInstanceId).orElseThrow(() -> new IllegalStateException(
        "process instance " + processInstanceId + " has recorded no change request"));
  }

  private ProcessInstance asUser(String userId, java.util.function.Supplier<ProcessInstance> start) {
    Authentication previous = identity.getCurrentAuthentication();
    identity.setAuthentication(userId, directory.groupsOf(userId));
    try {
      return start.get();
    } catch (AuthorizationException e) {
      throw new ForbiddenActionException(userId + " may not raise change requests: " + e.getMessage());
    } catch (RuntimeException e) {
      throw unwrapped(e);
    } finally {
      if (previous == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(previous);
      }
    }
  }

  /** The engine wraps a listener's exception; the caller gets the input error or refusal inside. */
  private static RuntimeException unwrapped(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InvalidInputException || t instanceof ForbiddenActionException
          || t instanceof ConflictException) {
        return (RuntimeException) t;
      }
    }
    return e;
  }

  private ChangeRequest require(java.util.Optional<ChangeRequest> found, long id, ChangeStatus expected) {
    ChangeRequest request = found.orElseThrow(() -> new NotFoundException("change request", id));
    if (request.status() != expected) {
      throw new ConflictException(request.reference() + " is " + request.status() + ", not " + expected);
    }
    return request;
  }

  static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
