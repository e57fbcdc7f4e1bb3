package pmo.issue;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.escalation.EscalatedCase;
import pmo.escalation.EscalatedCases;
import pmo.escalation.Escalation;
import pmo.escalation.EscalationService;
import pmo.escalation.EscalationStep;
import pmo.notice.Text;
import pmo.platform.Choices;
import pmo.platform.ConflictException;
import pmo.platform.Durations;
import pmo.platform.InputErrors;
import pmo.platform.identity.Directory;

/**
 * The issue as an escalated case of issue-escalation.bpmn (its escalation steps are {@code ${escalateCase}}, with
 * why, to whom and at which level as input parameters) and the decisions on an escalated issue: the PMO resolves,
 * reassigns or escalates; the steering committee reassigns or closes. Each locks the issue row, writes it and an
 * audit event in the step's transaction.
 */
@Service
public class IssueEscalationService implements EscalatedCases {

  private final IssueRepository issues;
  private final IssueRecords records;
  private final EscalationService escalations;
  private final Directory directory;
  private final IssueSettings settings;
  private final Clock clock;

  IssueEscalationService(IssueRepository issues, IssueRecords records, EscalationService escalations,
      Directory directory, IssueSettings settings, Clock clock) {
    this.issues = issues;
    this.records = records;
    this.escalations = escalations;
    this.directory = directory;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(IssueProcess.KEY);
  }

  /**
   * An escalation step, as the process model names it (why, to whom, at level 1 or 2): the issue must be open; the
   * rule (unless the model gives one), the missed deadline, who was waited for and the reason follow from the
   * trigger. The PMO's comment is the reason when the PMO escalates; the raiser and the owner, who may not act on the
   * escalation, are not notified.
   */
  @Override
  public Optional<EscalatedCase> lock(String processInstanceId, EscalationStep step, VariableScope variables) {
    long id = issues.idOfProcess(processInstanceId).orElseThrow(
        () -> new IllegalStateException("process instance " + processInstanceId + " has recorded no issue"));
    Issue issue = records.lock(id, null);
    if (!issue.status().isOpen()) {
      throw new ConflictException("issue " + id + " is " + issue.status() + " and cannot be escalated");
    }
    if (step.level() > 2) {
      throw new IllegalStateException("escalation level " + step.level() + " of issue " + id + " is not 1 or 2");
    }
    var deadlines = settings.escalation();
    String rule;
    OffsetDateTime missed = null;
    List<String> waitingFor = List.of();
    Text reason;
    switch (step.trigger()) {
      case SLA_BREACHED -> {
        Duration sla = settings.sla().of(issue.severity());
        rule = "pmo.issue.sla." + issue.severity().value() + " = " + Durations.iso(sla);
        missed = issue.dueAt();
        waitingFor = List.of(issue.owner());
        reason = Text.of("escalation.issue.sla", severity(issue), Durations.iso(sla), issue.dueAt());
      }
      case PMO_DEADLINE_PASSED -> {
        Escalation last = escalations.latest(IssueService.ENTITY, id).orElseThrow(
            () -> new IllegalStateException("issue " + id + " has no escalation the PMO could have missed"));
        rule = "pmo.issue.escalation.pmo-review = " + Durations.iso(deadlines.pmoReview());
        missed = last.respondBy();
        waitingFor = List.of(last.escalatedTo());
        reason = Text.of("escalation.issue.pmoDeadline", last.respondBy());
      }
      case PMO_ESCALATED -> {
        rule = "PMO decision (" + IssueProcess.TASK_PMO_REVIEW + ")";
        reason = Text.of("escalation.pmoEscalated", IssueProcess.PMO_COMMENT.get(variables));
      }
      default -> throw new IllegalStateException(IssueProcess.KEY + " escalates on '" + step.trigger().value()
          + "', which issues do not know");
    }
    return Optional.of(new EscalatedCase(IssueService.ENTITY, id, issue.projectId(), reason,
        step.rule() != null ? step.rule() : rule, missed, waitingFor,
        step.level() == 1 ? deadlines.pmoReview() : deadlines.steeringDecision(),
        new EscalatedCase.NoticeText(Text.of("escalation.issue.subject", issue.code(), severity(issue),
            issue.title()), Text.of("escalation.issue.ask"), Set.of(issue.raisedBy(), issue.owner()))));
  }

  private static Text severity(Issue issue) {
    return issue.severity() == null ? null : Text.of("severity." + issue.severity());
  }

  /** The issue is ESCALATED, at the highest level it has reached. */
  @Override
  public void escalated(EscalatedCase escalatedCase, Escalation escalation) {
    Issue before = records.lock(escalatedCase.entityId(), null);
    records.write(before, Map.of("status", IssueStatus.ESCALATED.name(),
        "escalation_level", Math.max(before.escalationLevel(), escalation.level())), IssueAudit.ISSUE_ESCALATED);
  }

  /** The PMO's decision on an escalated issue: resolved, reassign (new owner and date) or escalate. */
  @Transactional
  public IssueDecision decideAsPmo(long id, IssueDecision chosen, String comment, String resolution, String owner,
      LocalDate dueDate) {
    Issue before = records.lock(id, IssueStatus.ESCALATED);
    IssueDecision decision = Choices.among(IssueDecision.PMO, chosen, "pmoDecision");
    new InputErrors().requireText(comment, "pmoComment", 2000).throwIfAny();
    switch (decision) {
      case RESOLVED -> {
        new InputErrors().requireText(resolution, "resolution", 4000).throwIfAny();
        records.write(before, records.done(IssueStatus.RESOLVED, resolution), IssueAudit.ISSUE_RESOLVED);
      }
      case REASSIGN -> reassign(before, owner, dueDate);
      default -> { } // ESCALATE: the escalation step that follows records it, with the comment as its reason
    }
    return decision;
  }

  /** The steering committee's decision on an escalated issue: reassign (new owner and date) or close. */
  @Transactional
  public IssueDecision decideAsSteering(long id, IssueDecision chosen, String comment, String owner,
      LocalDate dueDate) {
    Issue before = records.lock(id, IssueStatus.ESCALATED);
    IssueDecision decision = Choices.among(IssueDecision.STEERING, chosen, "steeringDecision");
    new InputErrors().requireText(comment, "steeringComment", 2000).throwIfAny();
    if (decision == IssueDecision.REASSIGN) {
      reassign(before, owner, dueDate);
    } else {
      records.write(before, records.done(IssueStatus.CLOSED, "Closed by the steering committee: " + comment),
          IssueAudit.ISSUE_CLOSED);
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
    records.write(before, set, IssueAudit.ISSUE_REASSIGNED);
  }
}
