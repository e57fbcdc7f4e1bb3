package pmo.risk;

import java.time.OffsetDateTime;
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
import pmo.escalation.EscalationStep;
import pmo.notice.Text;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;
import pmo.platform.Choices;
import pmo.platform.ConflictException;
import pmo.platform.InputErrors;
import pmo.platform.engine.CurrentActor;

/**
 * The escalation side of risk-escalation.bpmn: missed deadlines, the risk as an escalated case (its escalation steps
 * are {@code ${escalateCase}}, with the target, level and rule from risk-escalation-level.dmn), closing a risk within
 * tolerance, and the PMO's and the steering committee's decisions. Each locks the risk row, writes it (and the
 * assessment history) and an audit event in the step's transaction.
 */
@Service
public class RiskEscalationService implements EscalatedCases {

  private final RiskRecords records;
  private final RiskRepository repository;
  private final RiskDeadlines deadlines;
  private final AuditLog audit;
  private final RiskSettings settings;
  private final CurrentActor actor;

  RiskEscalationService(RiskRecords records, RiskRepository repository, RiskDeadlines deadlines, AuditLog audit,
      RiskSettings settings, CurrentActor actor) {
    this.records = records;
    this.repository = repository;
    this.deadlines = deadlines;
    this.audit = audit;
    this.settings = settings;
    this.actor = actor;
  }

  /** Step "Record missed report deadline": the residual assessment was not reported in time; returns the deadline. */
  @Transactional
  public OffsetDateTime reportOverdue(long id) {
    Risk risk = records.lock(id, RiskStatus.MONITORING);
    OffsetDateTime deadline = deadlines.reportDeadlineOf(risk);
    audit.record(AuditEntry.created(RiskAudit.RISK_REPORT_OVERDUE, id, risk.projectId(),
        new MissedDeadline("residual assessment report", deadline, risk.owner())));
    return deadline;
  }

  /** Step "Record missed review deadline": the escalated party did not decide in time; returns the deadline. */
  @Transactional
  public OffsetDateTime reviewOverdue(long id) {
    Risk risk = records.lock(id, RiskStatus.ESCALATED);
    Escalation last = deadlines.lastEscalation(id);
    audit.record(AuditEntry.created(RiskAudit.RISK_REVIEW_OVERDUE, id, risk.projectId(),
        new MissedDeadline("decision on the escalated risk", last.respondBy(), last.escalatedTo())));
    return last.respondBy();
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(RiskProcess.KEY);
  }

  /**
   * An escalation step, as risk-escalation-level.dmn decided it (level 1 or 2, and its rule): the risk must be open;
   * the reason, the missed deadline and who was waited for follow from the trigger. The PMO's comment is the reason
   * when the PMO escalates; the raiser and the owner, who may not decide on it, are not notified.
   */
  @Override
  public Optional<EscalatedCase> lock(String processInstanceId, EscalationStep step, VariableScope variables) {
    long id = repository.idOfProcess(processInstanceId).orElseThrow(
        () -> new IllegalStateException("process instance " + processInstanceId + " has recorded no risk"));
    Risk risk = records.lock(id, null);
    if (!risk.status().isOpen()) {
      throw new ConflictException("risk " + id + " is " + risk.status() + " and cannot be escalated");
    }
    if (step.level() > 2 || step.rule() == null) {
      throw new IllegalStateException(RiskProcess.ESCALATION_DECISION + " gave no escalation level 1-2 and rule for "
          + step.trigger().value() + "/" + risk.level() + " (" + step.escalateTo() + ", " + step.level() + ", "
          + step.rule() + ")");
    }
    OffsetDateTime missed = null;
    List<String> waitingFor = List.of();
    Text reason;
    switch (step.trigger()) {
      case RESIDUAL -> reason = Text.of("escalation.risk.residual", level(risk), risk.score());
      case REPORT_OVERDUE -> {
        missed = deadlines.reportDeadlineOf(risk);
        waitingFor = List.of(risk.owner());
        reason = Text.of("escalation.risk.reportOverdue", missed, level(risk));
      }
      case REVIEW_OVERDUE -> {
        Escalation last = deadlines.lastEscalation(id);
        missed = last.respondBy();
        waitingFor = List.of(last.escalatedTo());
        reason = Text.of("escalation.risk.reviewOverdue", missed);
      }
      case PMO_ESCALATED -> reason = Text.of("escalation.pmoEscalated", RiskProcess.PMO_COMMENT.get(variables));
      default -> throw new IllegalStateException(RiskProcess.KEY + " escalates on '" + step.trigger().value()
          + "', which risks do not know");
    }
    return Optional.of(new EscalatedCase(RiskService.ENTITY, id, risk.projectId(), reason,
        RiskProcess.ESCALATION_DECISION + "/" + step.rule(), missed, waitingFor,
        settings.escalation().respondWithin(step.level()), new EscalatedCase.NoticeText(
        Text.of("escalation.risk.subject", risk.code(), level(risk), risk.title()), Text.of("escalation.risk.ask"),
        Set.of(risk.raisedBy(), risk.owner()))));
  }

  private static Text level(Risk risk) {
    return risk.level() == null ? null : Text.of("riskLevel." + risk.level());
  }

  /** The risk is ESCALATED, at the highest level it has reached. */
  @Override
  public void escalated(EscalatedCase escalatedCase, Escalation escalation) {
    Risk before = records.lock(escalatedCase.entityId(), null);
    records.write(before, Map.of("status", RiskStatus.ESCALATED.name(),
        "escalation_level", Math.max(escalation.level(), before.escalationLevel())), RiskAudit.RISK_ESCALATED);
  }

  /** Step "Close risk": the residual risk is within tolerance ({@code rule} of risk-escalation-level.dmn). */
  @Transactional
  public Risk close(long id, String rule) {
    Risk before = records.lock(id, RiskStatus.MONITORING);
    return records.write(before, Map.of("status", RiskStatus.CLOSED.name(), "closure_reason", "Residual risk "
        + before.level() + " is within tolerance (" + RiskProcess.ESCALATION_DECISION + "/" + rule + ")"),
        RiskAudit.RISK_CLOSED);
  }

  /**
   * The PMO's ({@link AssessmentKind#PMO_DECISION}) or the steering committee's decision on an escalated risk: accept
   * it (closed as ACCEPTED), direct a new response (back to the owner) or, for the PMO, escalate further. Kept in the
   * assessment history with the assessment decided on.
   */
  @Transactional
  public RiskDecision decide(long id, AssessmentKind kind, RiskDecision chosen, String comment) {
    boolean pmo = kind == AssessmentKind.PMO_DECISION;
    String field = pmo ? "pmoDecision" : "steeringDecision";
    RiskDecision decision = Choices.among(pmo ? RiskDecision.PMO : RiskDecision.STEERING, chosen, field);
    new InputErrors().requireText(comment, pmo ? "pmoComment" : "steeringComment", 2000).throwIfAny();
    Risk before = records.lock(id, RiskStatus.ESCALATED);
    String by = pmo ? "the PMO" : "the steering committee";
    RiskAudit action = RiskAudit.decided(kind, decision);
    Risk after = switch (decision) {
      case ACCEPT -> records.write(before, Map.of("status", RiskStatus.ACCEPTED.name(),
          "closure_reason", "Accepted by " + by + ": " + comment), action);
      case NEW_RESPONSE -> records.write(before, Map.of("status", RiskStatus.ASSESSED.name()), action);
      case ESCALATE -> {
        audit.record(AuditEntry.changed(action, id, before.projectId(), before,
            new DecisionTaken(by, decision, comment)));
        yield before;
      }
    };
    repository.insertAssessment(id, kind, after, decision, comment, actor.id(), records.now());
    return decision;
  }

  /** What the audit trail keeps about a decision that changes nothing on the risk itself. */
  record DecisionTaken(String decidedBy, RiskDecision decision, String comment) {
  }

  /** What the audit trail keeps about a deadline that passed. */
  record MissedDeadline(String deadline, OffsetDateTime due, String responsible) {
  }
}
