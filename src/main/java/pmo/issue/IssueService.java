package pmo.issue;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import pmo.audit.AuditService;
import pmo.platform.CommandValidator;
import pmo.platform.ConflictException;
import pmo.platform.CurrentActor;
import pmo.platform.Directory;
import pmo.platform.InputErrors;
import pmo.platform.NotFoundException;

/**
 * The issue log's writes, one per step of issue-escalation.bpmn: raise, triage, request a change, resolve, escalate,
 * the PMO's and the steering committee's decisions, and cancellation with the project. Each checks its input, locks
 * the issue row, writes it and an audit event in the step's transaction.
 */
@Service
public class IssueService {

  public static final String ENTITY = "ISSUE";

  private final IssueRepository issues;
  private final IssueLog log;
  private final ProjectGuard projects;
  private final Escalations escalations;
  private final SystemProcesses processes;
  private final AuditService audit;
  private final CommandValidator validator;
  private final Directory directory;
  private final IssueSettings settings;
  private final CurrentActor actor;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  IssueService(IssueRepository issues, IssueLog log, ProjectGuard projects, Escalations escalations,
      SystemProcesses processes, AuditService audit, CommandValidator validator, Directory directory,
      IssueSettings settings, CurrentActor actor, Clock clock, ApplicationEventPublisher events) {
    this.issues = issues;
    this.log = log;
    this.projects = projects;
    this.escalations = escalations;
    this.processes = processes;
    this.audit = audit;
    this.validator = validator;
    this.directory = directory;
    this.settings = settings;
    this.actor = actor;
    this.clock = clock;
    this.events = events;
  }

  /** Checks a new issue: fields, a running project, an existing owner, a known severity. */
  public InputErrors check(NewIssue issue) {
    InputErrors errors = validator.check(issue);
    if (!errors.has("projectId")) {
      projects.check(errors, "projectId", issue.projectId());
    }
    if (!errors.has("owner")) {
      directory.checkUser(errors, "owner", issue.owner(), null);
    }
    if (!errors.has("severity")) {
      IssueSeverity.check(errors, "severity", issue.severity());
    }
    return errors;
  }

  /** Step "Record issue": the issue with its resolve-by time from the SLA of its severity. */
  @Transactional
  public Issue record(NewIssue issue, String raisedBy, String processInstanceId) {
    InputErrors errors = check(issue);
    errors.require(raisedBy != null && !raisedBy.isBlank(), "raisedBy", "is required (start the process as a user)");
    errors.throwIfAny();
    IssueSeverity severity = IssueSeverity.of(issue.severity(), "severity");
    OffsetDateTime now = now();
    long id = issues.insert(issue, severity, raisedBy, now.plus(settings.sla().of(severity)), processInstanceId, now);
    Issue created = log.get(id);
    audit.record("ISSUE_RAISED", ENTITY, id, issue.projectId(), null, created);
    return created;
  }

  /** Raises an issue through its process (a materialised risk does so); returns the recorded issue. */
  @Transactional
  public Issue raise(NewIssue issue) {
    check(issue).throwIfAny();
    Map<String, Object> vars = new HashMap<>();
    vars.put(IssueProcess.PROJECT_ID.name(), issue.projectId());
    vars.put(IssueProcess.TITLE.name(), issue.title());
    vars.put(IssueProcess.DESCRIPTION.name(), issue.description());
    vars.put(IssueProcess.SEVERITY.name(), IssueSeverity.of(issue.severity(), "severity").value());
    vars.put(IssueProcess.OWNER.name(), issue.owner());
    vars.put(IssueProcess.RAISED_FROM_RISK_ID.name(), issue.raisedFromRiskId());
    String processInstanceId = processes.start(IssueProcess.KEY, vars);
    return log.get(issues.idOfProcess(processInstanceId).orElseThrow(
        () -> new IllegalStateException("the issue process " + processInstanceId + " recorded no issue")));
  }

  /** The project's manager, who triages its issues; null when it has none (then any project manager may). */
  public String projectManager(long projectId) {
    return projects.managerOf(projectId);
  }

  /**
   * Step "Record triage": the confirmed severity (its SLA counts from when the issue was raised) and owner; whether a
   * change to scope, time or cost is needed, and which.
   */
  @Transactional
  public Issue triage(long id, String severityValue, String owner, boolean needsChange, String changeDescription) {
    Issue before = lock(id, IssueStatus.OPEN);
    InputErrors errors = new InputErrors();
    IssueSeverity severity = IssueSeverity.check(errors, "severity", severityValue);
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
    return write(before, set, "ISSUE_TRIAGED");
  }

  /**
   * Step "Request change": records the request on the issue and publishes {@link ChangeNeeded} in this transaction,
   * so the change-request capability can raise the change request; a failing listener rolls the step back.
   */
  @Transactional
  public ChangeNeeded requestChange(long id) {
    Issue before = lock(id, null);
    if (before.changeDescription() == null) {
      throw new ConflictException("issue " + id + " has no change description: triage found no change needed");
    }
    if (before.changeRequestedAt() != null) {
      throw new ConflictException("a change for issue " + id + " was already requested at " + before.changeRequestedAt());
    }
    write(before, Map.of("change_requested_at", now()), "ISSUE_CHANGE_REQUESTED");
    ChangeNeeded change = new ChangeNeeded(before.projectId(), id, before.title(), before.changeDescription(),
        before.triagedBy());
    events.publishEvent(change);
    return change;
  }

  /** Step "Record resolution": the owner's resolution. */
  @Transactional
  public Issue resolve(long id, String resolution) {
    Issue before = lock(id, IssueStatus.TRIAGED);
    new InputErrors().requireText(resolution, "resolution", 4000).throwIfAny();
    return write(before, resolved(resolution, IssueStatus.RESOLVED), "ISSUE_RESOLVED");
  }

  /**
   * An escalation step, as the process model names it (why, to whom, at which level): records the rule, the missed
   * deadline and the reason, and moves the issue to ESCALATED at that level. {@code comment} is the PMO's reason when
   * the PMO escalates.
   */
  @Transactional
  public Escalation escalate(long id, String triggerValue, String escalateTo, int level, String comment) {
    Issue before = lock(id, null);
    if (!before.status().isOpen()) {
      throw new ConflictException("issue " + id + " is " + before.status() + " and cannot be escalated");
    }
    if (level < 1 || level > 2) {
      throw new IllegalStateException("escalation level " + level + " of issue " + id + " is not 1 or 2");
    }
    var deadlines = settings.escalation();
    var respondWithin = level == 1 ? deadlines.pmoReview() : deadlines.steeringDecision();
    Escalations.Step step = switch (EscalationTrigger.of(triggerValue)) {
      case SLA_BREACHED -> {
        var sla = settings.sla().of(before.severity());
        yield new Escalations.Step(ENTITY, id, before.projectId(), level, escalateTo,
            "pmo.issue.sla." + before.severity().value() + " = " + iso(sla), before.dueAt(),
            "not resolved within the SLA of a " + before.severity() + " issue (" + iso(sla) + "), due "
                + before.dueAt(), respondWithin);
      }
      case PMO_DEADLINE_PASSED -> {
        Escalation last = escalations.latest(ENTITY, id).orElseThrow(
            () -> new IllegalStateException("issue " + id + " has no escalation the PMO could have missed"));
        yield new Escalations.Step(ENTITY, id, before.projectId(), level, escalateTo,
            "pmo.issue.escalation.pmo-review = " + iso(deadlines.pmoReview()), last.respondBy(),
            "the PMO did not act on the escalated issue by " + last.respondBy(), respondWithin);
      }
      case PMO_ESCALATED -> new Escalations.Step(ENTITY, id, before.projectId(), level, escalateTo,
          "PMO decision (Task_PmoReview)", null, "escalated by the PMO: " + comment, respondWithin);
    };
    Escalation escalation = escalations.record(step);
    write(before, Map.of("status", IssueStatus.ESCALATED.name(),
        "escalation_level", Math.max(before.escalationLevel(), level)), "ISSUE_ESCALATED");
    return escalation;
  }

  /** The PMO's decision on an escalated issue: resolved, reassign (new owner and date) or escalate. */
  @Transactional
  public IssueDecision decideAsPmo(long id, String decisionValue, String comment, String resolution, String owner,
      LocalDate dueDate) {
    Issue before = lock(id, IssueStatus.ESCALATED);
    IssueDecision decision = IssueDecision.of(decisionValue, "pmoDecision", IssueDecision.PMO);
    new InputErrors().requireText(comment, "pmoComment", 2000).throwIfAny();
    switch (decision) {
      case RESOLVED -> {
        new InputErrors().requireText(resolution, "resolution", 4000).throwIfAny();
        write(before, resolved(resolution, IssueStatus.RESOLVED), "ISSUE_RESOLVED");
      }
      case REASSIGN -> reassign(before, owner, dueDate);
      default -> { } // ESCALATE: the escalation step that follows records it, with the comment as its reason
    }
    return decision;
  }

  /** The steering committee's decision on an escalated issue: reassign (new owner and date) or close. */
  @Transactional
  public IssueDecision decideAsSteering(long id, String decisionValue, String comment, String owner,
      LocalDate dueDate) {
    Issue before = lock(id, IssueStatus.ESCALATED);
    IssueDecision decision = IssueDecision.of(decisionValue, "steeringDecision", IssueDecision.STEERING);
    new InputErrors().requireText(comment, "steeringComment", 2000).throwIfAny();
    if (decision == IssueDecision.REASSIGN) {
      reassign(before, owner, dueDate);
    } else {
      write(before, resolved("Closed by the steering committee: " + comment, IssueStatus.CLOSED), "ISSUE_CLOSED");
    }
    return decision;
  }

  /**
   * Cancels every open issue of a cancelled project with the reason and ends its process; runs inside the cancelling
   * transaction. Returns how many were cancelled.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int cancelAll(long projectId, String reason) {
    var open = issues.openOfProject(projectId);
    for (Issue issue : open) {
      Issue before = lock(issue.id(), null);
      write(before, resolved("Project cancelled: " + reason, IssueStatus.CANCELLED), "ISSUE_CANCELLED");
      processes.end(before.processInstanceId(), "Project " + projectId + " cancelled: " + reason);
    }
    return open.size();
  }

  private void reassign(Issue before, String owner, LocalDate dueDate) {
    InputErrors errors = new InputErrors();
    directory.checkUser(errors, "owner", owner, null);
    errors.require(dueDate != null, "dueDate", "is required when reassigning");
    errors.require(dueDate == null || !dueDate.isBefore(LocalDate.now(clock)), "dueDate", "must not be in the past");
    errors.throwIfAny();
    Map<String, Object> set = new LinkedHashMap<>();
    set.put("owner", owner);
    // resolve by the end of the given day
    set.put("due_at", dueDate.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
    set.put("status", IssueStatus.TRIAGED.name());
    write(before, set, "ISSUE_REASSIGNED");
  }

  private Map<String, Object> resolved(String resolution, IssueStatus status) {
    Map<String, Object> set = new LinkedHashMap<>();
    set.put("status", status.name());
    set.put("resolution", resolution.length() > 4000 ? resolution.substring(0, 4000) : resolution);
    set.put("resolved_by", actor.id());
    set.put("resolved_at", now());
    return set;
  }

  private Issue write(Issue before, Map<String, Object> columns, String action) {
    issues.update(before, columns, now());
    Issue after = log.get(before.id());
    audit.record(action, ENTITY, before.id(), before.projectId(), before, after);
    return after;
  }

  /** Locks the issue; with {@code expected}, it must be in that status (a lost race is a conflict). */
  private Issue lock(long id, IssueStatus expected) {
    Issue issue = issues.lock(id).orElseThrow(() -> new NotFoundException("issue", id));
    if (expected != null && issue.status() != expected) {
      throw new ConflictException("issue " + id + " is " + issue.status() + ", not " + expected);
    }
    return issue;
  }

  /** A duration as the configuration writes it: whole days as P3D, anything else as PT8H. */
  private static String iso(Duration duration) {
    return duration.toSeconds() % 86400 == 0 ? "P" + duration.toDays() + "D" : duration.toString();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
