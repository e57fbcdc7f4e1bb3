package pmo.issue;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.platform.ConflictException;
import pmo.platform.identity.Directory;
import pmo.platform.InputErrors;

/**
 * The escalation steps of issue-escalation.bpmn and the decisions on an escalated issue: each escalation step writes
 * its record (to whom, level, rule, missed deadline, reason); the PMO resolves, reassigns or escalates; the steering
 * committee reassigns or closes. Each locks the issue row, writes it and an audit event in the step's transaction.
 */
@Service
public class IssueEscalationService {

  private final IssueRecords records;
  private final Escalations escalations;
  private final Directory directory;
  private final IssueSettings settings;
  private final Clock clock;

  IssueEscalationService(IssueRecords records, Escalations escalations, Directory directory, IssueSettings settings,
      Clock clock) {
    this.records = records;
    this.escalations = escalations;
    this.directory = directory;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * An escalation step, as the process model names it (why, to whom, at which level): records the rule, the missed
   * deadline and the reason, and moves the issue to ESCALATED at that level. {@code comment} is the PMO's reason when
   * the PMO escalates.
   */
  @Transactional
  public Escalation escalate(long id, String triggerValue, String escalateTo, int level, String comment) {
    Issue before = records.lock(id, null);
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
        yield new Escalations.Step(IssueService.ENTITY, id, before.projectId(), level, escalateTo,
            "pmo.issue.sla." + before.severity().value() + " = " + iso(sla), before.dueAt(),
            "not resolved within the SLA of a " + before.severity() + " issue (" + iso(sla) + "), due "
                + before.dueAt(), respondWithin);
      }
      case PMO_DEADLINE_PASSED -> {
        Escalation last = escalations.latest(IssueService.ENTITY, id).orElseThrow(
            () -> new IllegalStateException("issue " + id + " has no escalation the PMO could have missed"));
        yield new Escalations.Step(IssueService.ENTITY, id, before.projectId(), level, escalateTo,
            "pmo.issue.escalation.pmo-review = " + iso(deadlines.pmoReview()), last.respondBy(),
            "the PMO did not act on the escalated issue by " + last.respondBy(), respondWithin);
      }
      case PMO_ESCALATED -> new Escalations.Step(IssueService.ENTITY, id, before.projectId(), level, escalateTo,
          "PMO decision (Task_PmoReview)", null, "escalated by the PMO: " + comment, respondWithin);
    };
    Escalation escalation = escalations.record(step);
    records.write(before, Map.of("status", IssueStatus.ESCALATED.name(),
        "escalation_level", Math.max(before.escalationLevel(), level)), "ISSUE_ESCALATED");
    return escalation;
  }

  /** The PMO's decision on an escalated issue: resolved, reassign (new owner and date) or escalate. */
  @Transactional
  public IssueDecision decideAsPmo(long id, String decisionValue, String comment, String resolution, String owner,
      LocalDate dueDate) {
    Issue before = records.lock(id, IssueStatus.ESCALATED);
    IssueDecision decision = IssueDecision.of(decisionValue, "pmoDecision", IssueDecision.PMO);
    new InputErrors().requireText(comment, "pmoComment", 2000).throwIfAny();
    switch (decision) {
      case RESOLVED -> {
        new InputErrors().requireText(resolution, "resolution", 4000).throwIfAny();
        records.write(before, records.done(IssueStatus.RESOLVED, resolution), "ISSUE_RESOLVED");
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
    Issue before = records.lock(id, IssueStatus.ESCALATED);
    IssueDecision decision = IssueDecision.of(decisionValue, "steeringDecision", IssueDecision.STEERING);
    new InputErrors().requireText(comment, "steeringComment", 2000).throwIfAny();
    if (decision == IssueDecision.REASSIGN) {
      reassign(before, owner, dueDate);
    } else {
      records.write(before, records.done(IssueStatus.CLOSED, "Closed by the steering committee: " + comment),
          "ISSUE_CLOSED");
    }
    return decision;
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
    records.write(before, set, "ISSUE_REASSIGNED");
  }

  /** A duration as the configuration writes it: whole days as P3D, anything else as PT8H. */
  private static String iso(Duration duration) {
    return duration.toSeconds() % 86400 == 0 ? "P" + duration.toDays() + "D" : duration.toString();
  }
}
