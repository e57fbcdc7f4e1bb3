package pmo.escalation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.notice.Letter;
import pmo.notice.NoticeService;
import pmo.notice.NoticeTexts;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;
import pmo.platform.engine.CurrentActor;
import pmo.platform.identity.Directory;

/**
 * The reminders and escalations of every case, in one table ({@code escalation}). {@link #escalate} records one step
 * as its model gave it ({@link EscalationStep}) and its case explained it ({@link EscalatedCases}): the record, its
 * audit event and its notices through the outbox, all in the step's transaction. An escalation's notice goes to the
 * members of the group it goes to (or the user), a reminder's to the people the case waits for; never to someone the
 * case names as unable to act on it.
 */
@Service
public class EscalationService {

  /** The entity type of the records in the audit trail. */
  public static final String ENTITY = EscalationAudit.ENTITY;

  private final EscalationRepository escalations;
  private final Directory directory;
  private final NoticeService notices;
  private final AuditLog audit;
  private final CurrentActor actor;
  private final Clock clock;
  private final NoticeTexts texts;

  EscalationService(EscalationRepository escalations, Directory directory, NoticeService notices, AuditLog audit,
      CurrentActor actor, Clock clock, NoticeTexts texts) {
    this.texts = texts;
    this.escalations = escalations;
    this.directory = directory;
    this.notices = notices;
    this.audit = audit;
    this.actor = actor;
    this.clock = clock;
  }

  /**
   * One escalation step: {@code cases} locks and explains the case the process instance runs, then the record, its
   * audit event and notices are written and the case applies its own change. A step the model got wrong (a reminder
   * with a target or a level, an escalation without either, a target that is neither a group nor a user) fails: a
   * retried job, then an incident, never a dropped escalation. Empty when the case has nothing to escalate any more.
   */
  @Transactional
  public Optional<Escalation> escalate(EscalatedCases cases, String processInstanceId, EscalationStep step,
      VariableScope variables) {
    checkShape(step);
    Optional<EscalatedCase> found = cases.lock(processInstanceId, step, variables);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    EscalatedCase escalated = found.get();
    if (escalated.rule() == null || escalated.reason() == null) {
      throw new IllegalStateException(escalated.entityType() + " " + escalated.entityId() + " gave no rule or reason"
          + " for the escalation step '" + step.trigger().value() + "'");
    }
    String toType = step.escalateTo() == null ? null : typeOf(step.escalateTo(), escalated);
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime respondBy = escalated.respondWithin() == null ? null : now.plus(escalated.respondWithin());
    String waitingFor = escalated.waitingFor().isEmpty() ? null : String.join(", ", escalated.waitingFor());
    Escalation escalation = escalations.find(escalations.insert(escalated, step, toType,
        truncate(escalated.rule(), 200), truncate(waitingFor, 2000),
        truncate(texts.asRecorded(escalated.reason()), 2000), respondBy,
        now, actor.id()));
    audit.record(AuditEntry.created(EscalationAudit.ESCALATION_RECORDED, escalation.id(), escalation.projectId(),
        escalation));
    notify(escalation, escalated);
    cases.escalated(escalated, escalation);
    return Optional.of(escalation);
  }

  /** The reminders and escalations of one case, oldest first. */
  @Transactional(readOnly = true)
  public List<Escalation> of(String entityType, long entityId) {
    return escalations.of(entityType, entityId);
  }

  /** The latest escalation (not reminder) of one case: the one its escalated party is to respond to. */
  @Transactional(readOnly = true)
  public Optional<Escalation> latest(String entityType, long entityId) {
    return escalations.latest(entityType, entityId, EscalationKind.ESCALATION);
  }

  private static void checkShape(EscalationStep step) {
    boolean reminder = step.kind() == EscalationKind.REMINDER;
    if (reminder && (step.level() != 0 || step.escalateTo() != null)) {
      throw new IllegalStateException("the reminder '" + step.trigger().value() + "' has level 0 and goes to whoever"
          + " the case waits for, not to '" + step.escalateTo() + "' at level " + step.level());
    }
    if (!reminder && (step.level() < 1 || step.escalateTo() == null || step.escalateTo().isBlank())) {
      throw new IllegalStateException("the escalation '" + step.trigger().value() + "' needs a target and a level of"
          + " 1 or more, not '" + step.escalateTo() + "' at level " + step.level());
    }
  }

  private String typeOf(String target, EscalatedCase escalated) {
    if (directory.groupExists(target)) {
      return "GROUP";
    }
    if (directory.userExists(target)) {
      return "USER";
    }
    throw new IllegalStateException("escalation of " + escalated.entityType() + " " + escalated.entityId()
        + " names '" + target + "', which is neither a group nor a user");
  }

  /** Queues the notices of a step: the escalated party's members, or for a reminder whoever the case waits for. */
  private void notify(Escalation escalation, EscalatedCase escalated) {
    boolean reminder = escalation.kind() == EscalationKind.REMINDER;
    Set<String> recipients = new LinkedHashSet<>();
    for (String party : reminder ? escalated.waitingFor() : List.of(escalation.escalatedTo())) {
      recipients.addAll(directory.groupExists(party) ? directory.membersOf(party) : List.of(party));
    }
    recipients.removeAll(escalated.notice().notTo());
    notices.queue(recipients, locale -> new Letter(
        texts.text(locale, "escalation.subject." + escalation.kind(), escalated.notice().subject()),
        texts.text(locale, escalated.reason()) + "\n\n" + texts.text(locale, escalated.notice().ask()) + "\n"
            + (escalation.respondBy() == null ? ""
                : texts.text(locale, "escalation.respondBy", escalation.respondBy()) + "\n")),
        escalation.projectId(), escalation.entityType(), escalation.entityId());
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
