package pmo.risk;

import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.audit.AuditService;
import pmo.issue.Escalation;
import pmo.issue.Escalations;
import pmo.platform.ConflictException;
import pmo.platform.engine.CurrentActor;
import pmo.platform.InputErrors;

/**
 * The escalation steps of risk-escalation.bpmn: missed deadlines, escalating as risk-escalation-level.dmn decided
 * (with the escalation record), closing a risk within tolerance, and the PMO's and the steering committee's decisions.
 * Each locks the risk row, writes it (and the assessment history) and an audit event in the step's transaction.
 */
@Service
public class RiskEscalationService {

  private final RiskRecords records;
  private final RiskRepository repository;
  private final RiskDeadlines deadlines;
  private final Escalations escalations;
  private final AuditService audit;
  private final RiskSettings settings;
  private final CurrentActor actor;

  RiskEscalationService(RiskRecords records, RiskRepository repository, RiskDeadlines deadlines,
      Escalations escalations, AuditService audit, RiskSettings settings, CurrentActor actor) {
    this.records = records;
    this.repository = repository;
    this.deadlines = deadlines;
    this.escalations = escalations;
    this.audit = audit;
    this.settings = settings;
    this.actor = actor;
  }

  /** Step "Record missed report deadline": the residual assessment was not reported in time; returns the deadline. */
  @Transactional
  public OffsetDateTime reportOverdue(long id) {
    Risk risk = records.lock(id, RiskStatus.MONITORING);
    OffsetDateTime deadline = deadlines.reportDeadlineOf(risk);
    audit.record("RISK_REPORT_OVERDUE", RiskService.ENTITY, id, risk.projectId(), null,
        new MissedDeadline("residual assessment report", deadline, risk.owner()));
    return deadline;
  }

  /** Step "Record missed review deadline": the escalated party did not decide in time; returns the deadline. */
  @Transactional
  public OffsetDateTime reviewOverdue(long id) {
    Risk risk = records.lock(id, RiskStatus.ESCALATED);
    Escalation last = deadlines.lastEscalation(id);
    audit.record("RISK_REVIEW_OVERDUE", RiskService.ENTITY, id, risk.projectId(), null,
        new MissedDeadline("decision on the escalated risk", last.respondBy(), last.escalatedTo()));
    return last.respondBy();
  }

  /**
   * An escalation step, as risk-escalation-level.dmn decided it: records who the risk goes to, at which level, by
   * which rule, after which missed deadline and why, and moves the risk to ESCALATED. {@code pmoComment} is the PMO's
   * reason when the PMO escalates.
   */
  @Transactional
  public Escalation escalate(long id, String triggerValue, String escalateTo, Integer level, String rule,
      String pmoComment) {
    Risk before = records.lock(id, null);
    if (!before.status().isOpen()) {
      throw new ConflictException("risk " + id + " is " + before.status() + " and cannot be escalated");
    }
    if (level == null || level < 1 || level > 2 || escalateTo == null) {
      throw new IllegalStateException(RiskProcess.ESCALATION_DECISION + " gave no escalation target and level 1-2 for "
          + triggerValue + "/" + before.level() + " (" + escalateTo + ", " + level + ")");
    }
    EscalationTrigger trigger = EscalationTrigger.of(triggerValue);
    OffsetDateTime missed = switch (trigger) {
      case REPORT_OVERDUE -> deadlines.reportDeadlineOf(before);
      case REVIEW_OVERDUE -> deadlines.lastEscalation(id).respondBy();
      default -> null;
    };
    String reason = switch (trigger) {
      case RESIDUAL -> "still " + before.level() + " after the response (score " + before.score() + ")";
      case REPORT_OVERDUE -> "the residual assessment was not reported by " + missed + " (risk " + before.level()
          + ")";
      case REVIEW_OVERDUE -> "the escalated risk was not decided by " + missed;
      case PMO_ESCALATED -> "escalated by the PMO: " + pmoComment;
    };
    Escalation escalation = escalations.record(new Escalations.Step(RiskService.ENTITY, id, before.projectId(), level,
        escalateTo, RiskProcess.ESCALATION_DECISION + "/" + rule, missed, reason,
        settings.escalation().respondWithin(level)));
    records.write(before, Map.of("status", RiskStatus.ESCALATED.name(),
        "escalation_level", Math.max(level, before.escalationLevel())), "RISK_ESCALATED");
    return escalation;
  }

  /** Step "Close risk": the residual risk is within tolerance ({@code rule} of risk-escalation-level.dmn). */
  @Transactional
  public Risk close(long id, String rule) {
    Risk before = records.lock(id, RiskStatus.MONITORING);
    return records.write(before, Map.of("status", RiskStatus.CLOSED.name(), "closure_reason", "Residual risk "
        + before.level() + " is within tolerance (" + RiskProcess.ESCALATION_DECISION + "/" + rule + ")"),
        "RISK_CLOSED");
  }

  /**
   * The PMO's ({@link AssessmentKind#PMO_DECISION}) or the steering committee's decision on an escalated risk: accept
   * it (closed as ACCEPTED), direct a new response (back to the owner) or, for the PMO, escalate further. Kept in the
   * assessment history with the assessment decided on.
   */
  @Transactional
  public RiskDecision decide(long id, AssessmentKind kind, String decisionValue, String comment) {
    boolean pmo = kind == AssessmentKind.PMO_DECISION;
    String field = pmo ? "pmoDecision" : "steeringDecision";
    RiskDecision decision = RiskDecision.of(decisionValue, field, pmo ? RiskDecision.PMO : RiskDecision.STEERING);
    new InputErrors().requireText(comment, pmo ? "pmoComment" : "steeringComment", 2000).throwIfAny();
    Risk before = records.lock(id, RiskStatus.ESCALATED);
    String by = pmo ? "the PMO" : "the steering committee";
    String prefix = pmo ? "RISK_PMO_" : "RISK_STEERING_";
    Risk after = switch (decision) {
      case ACCEPT -> records.write(before, Map.of("status", RiskStatus.ACCEPTED.name(),
          "closure_reason", "Accepted by " + by + ": " + comment), prefix + "ACCEPTED");
      case NEW_RESPONSE -> records.write(before, Map.of("status", RiskStatus.ASSESSED.name()), prefix + "NEW_RESPONSE");
      case ESCALATE -> {
        audit.record(prefix + "ESCALATED", RiskService.ENTITY, id, before.projectId(), before,
            new DecisionTaken(by, decision.value, comment));
        yield before;
      }
    };
    repository.insertAssessment(id, kind, after, decision.value, comment, actor.id(), records.now());
    return decision;
  }

  /** What the audit trail keeps about a decision that changes nothing on the risk itself. */
  record DecisionTaken(String decidedBy, String decision, String comment) {
  }

  /** What the audit trail keeps about a deadline that passed. */
  record MissedDeadline(String deadline, OffsetDateTime due, String responsible) {
  }
}
