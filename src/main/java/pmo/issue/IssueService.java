package pmo.issue;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;
import pmo.platform.CommandValidator;
import pmo.platform.ConflictException;
import pmo.platform.ForbiddenActionException;
import pmo.platform.InputErrors;
import pmo.platform.engine.CurrentActor;
import pmo.platform.engine.SystemActions;
import pmo.platform.identity.Directory;
import pmo.project.ProjectCancelled;
import pmo.project.ProjectService;

/**
 * The issue log's writes up to the owner's resolution, one per step of issue-escalation.bpmn: raise, triage, request a
 * change, resolve, and cancellation with the project (escalation and the decisions on an escalated issue are
 * {@link IssueEscalationService}). Each checks its input, locks the issue row, writes it and an audit event in the
 * step's transaction.
 *
 * <p>Longer than 200 lines: one short method per step of the issue process, kept together as one register's writes.
 */
@Service
public class IssueService {

  public static final String ENTITY = "ISSUE";

  private final IssueRepository issues;
  private final IssueRecords records;
  private final IssueLog log;
  /** Why a project that is not running is refused, for risks and issues alike. */
  public static final String RUNNING_PROJECT_NEEDED = "only running projects take new risks and issues";

  private final ProjectService projects;
  private final SystemActions processes;
  private final AuditLog audit;
  private final CommandValidator validator;
  private final Directory directory;
  private final IssueSettings settings;
  private final CurrentActor actor;
  private final ApplicationEventPublisher events;

  IssueService(IssueRepository issues, IssueRecords records, IssueLog log, ProjectService projects,
      SystemActions processes, AuditLog audit, CommandValidator validator, Directory directory,
      IssueSettings settings, CurrentActor actor, ApplicationEventPublisher events) {
    this.issues = issues;
    this.records = records;
    this.log = log;
    this.projects = projects;
    this.processes = processes;
    this.audit = audit;
    this.validator = validator;
    this.directory = directory;
    this.settings = settings;
    this.actor = actor;
    this.events = events;
  }

  /** Checks a new issue: fields (a severity among them), a running project, an existing owner. */
  public InputErrors check(NewIssue issue) {
    InputErrors errors = validator.check(issue);
    if (!errors.has("projectId")) {
      projects.checkRunning(errors, "projectId", issue.projectId(), RUNNING_PROJECT_NEEDED);
    }
    if (!errors.has("owner")) {
      directory.checkUser(errors, "owner", issue.owner(), null);
    }
    return errors;
  }

  /**
   * Step "Record issue": the issue with its resolve-by time from the SLA of its severity, raised by the user who
   * started the process (the authenticated user, never a variable).
   */
  @Transactional
  public Issue record(NewIssue issue, String processInstanceId) {
    String raisedBy = actor.id();
    if (CurrentActor.SYSTEM.equals(raisedBy)) {
      throw new ForbiddenActionException("an issue is raised by a user: start the process as that user");
    }
    check(issue).throwIfAny();
    IssueSeverity severity = issue.severity();
    OffsetDateTime now = records.now();
    long id = issues.insert(issue, severity, raisedBy, now.plus(settings.sla().of(severity)), processInstanceId, now);
    Issue created = log.get(id);
    audit.record(AuditEntry.created(IssueAudit.ISSUE_RAISED, id, issue.projectId(), created));
    return created;
  }

  /**
   * Raises an issue through its process, in the name of the current user (a materialised risk does so: the system
   * starts it, so it may carry the risk it came from); returns the recorded issue.
   */
  @Transactional
  public Issue raise(NewIssue issue) {
    check(issue).throwIfAny();
    String processInstanceId = processes.startProcess(IssueProcess.KEY, null, IssueProcess.startVariables(issue));
    return log.get(issues.idOfProcess(processInstanceId).orElseThrow(
        () -> new IllegalStateException("the issue process " + processInstanceId + " recorded no issue")));
  }

  /** The issue a process instance runs (its first step recorded it with the instance's id). */
  @Transactional(readOnly = true)
  public long idOfProcess(String processInstanceId) {
    return issues.idOfProcess(processInstanceId).orElseThrow(
        () -> new IllegalStateException("process instance " + processInstanceId + " has recorded no issue"));
  }

  @Transactional(readOnly = true)
  public Issue get(long id) {
    return log.get(id);
  }

  /** The project's manager, who triages its issues; null when it has none (then any project manager may). */
  public String projectManager(long projectId) {
    return projects.find(projectId).manager();
  }

  /**
   * Step "Record triage": the confirmed severity (its SLA counts from when the issue was raised) and owner; whether a
   * change to scope, time or cost is needed, and which.
   */
  @Transactional
  public Issue triage(long id, IssueSeverity severity, String owner, boolean needsChange, String changeDescription) {
    Issue before = records.lock(id, IssueStatus.OPEN);
    InputErrors errors = new InputErrors();
    errors.require(severity != null, IssueProcess.SEVERITY.name(), "is required");
    directory.checkUser(errors, "owner", owner, null);
    if (needsChange) {
      if (changeDescription == null || changeDescription.isBlank()) {
        errors.add("changeDescription", "is required when a change is needed");
      } else {
        errors.requireText(changeDescription, "changeDescription", 4000);
      }
    }
    errors.throwIfAny();
    Map<String, Object> set = new LinkedHashMap<>();
    set.put("severity", severity.name());
    set.put("owner", owner);
    set.put("due_at", before.createdAt().plus(settings.sla().of(severity)));
    set.put("status", IssueStatus.TRIAGED.name());
    set.put("triaged_by", actor.id());
    set.put("change_description", needsChange ? changeDescription : null);
    return records.write(before, set, IssueAudit.ISSUE_TRIAGED);
  }

  /**
   * Step "Request change": records the request on the issue and publishes {@link ChangeNeeded} in this transaction,
   * so the change-request capability can raise the change request; a failing listener rolls the step back.
   */
  @Transactional
  public ChangeNeeded requestChange(long id) {
    Issue before = records.lock(id, null);
    if (before.changeDescription() == null) {
      throw new ConflictException("issue " + id + " has no change description: triage found no change needed");
    }
    if (before.changeRequestedAt() != null) {
      throw new ConflictException("a change for issue " + id + " was already requested at "
          + before.changeRequestedAt());
    }
    records.write(before, Map.of("change_requested_at", records.now()), IssueAudit.ISSUE_CHANGE_REQUESTED);
    ChangeNeeded change = new ChangeNeeded(before.projectId(), id, before.title(), before.changeDescription(),
        before.triagedBy());
    events.publishEvent(change);
    return change;
  }

  /** Step "Record resolution": the owner's resolution. */
  @Transactional
  public Issue resolve(long id, String resolution) {
    Issue before = records.lock(id, IssueStatus.TRIAGED);
    new InputErrors().requireText(resolution, "resolution", 4000).throwIfAny();
    return records.write(before, records.done(IssueStatus.RESOLVED, resolution), IssueAudit.ISSUE_RESOLVED);
  }

  /**
   * A cancelled project takes its open issues with it: each is CANCELLED with the reason and its process ends, in the
   * cancelling transaction, which holds the project's lock (RowLocks' order: the project, then each issue). An issue
   * that finished before its lock was taken is left as it is.
   */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  public void onProjectCancelled(ProjectCancelled cancelled) {
    String reason = "Project cancelled: " + cancelled.reason();
    for (Issue open : issues.openOfProject(cancelled.projectId())) {
      Issue before = records.lock(open.id(), null);
      if (!before.status().isOpen()) {
        continue;
      }
      Issue after = records.write(before, records.done(IssueStatus.CANCELLED, reason), IssueAudit.ISSUE_CANCELLED);
      processes.endProcess(before.processInstanceId(), after.resolution());
    }
  }
}
