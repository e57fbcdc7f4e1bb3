package pmo.improvement.training;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.notice.Letter;
import pmo.notice.NoticeService;
import pmo.notice.NoticeTexts;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;
import pmo.platform.Durations;

/**
 * The expiry reminders of training (processes/training-expiry.bpmn): a completion that expires within
 * {@code pmo.improvement.training.reminder-before} and that no later completion of the same course replaces gets one
 * notice to its holder, through the outbox, in the transaction that marks it reminded (so a completion is reminded once,
 * whichever run or node finds it first); the process's asynchronous step sends them.
 */
@Service
public class TrainingReminders {

  /** At most this many reminders per run; the next run takes the rest. */
  static final int BATCH = 500;

  private final CompletionRepository completions;
  private final TrainingSettings settings;
  private final NoticeService notices;
  private final AuditLog audit;
  private final Clock clock;
  private final NoticeTexts texts;

  TrainingReminders(CompletionRepository completions, TrainingSettings settings, NoticeService notices,
      AuditLog audit, Clock clock, NoticeTexts texts) {
    this.texts = texts;
    this.completions = completions;
    this.settings = settings;
    this.notices = notices;
    this.audit = audit;
    this.clock = clock;
  }

  /** Queues the reminders that are due, for the run {@code processInstanceId}; returns how many. */
  @Transactional
  public int queue(String processInstanceId) {
    LocalDate today = LocalDate.now(clock);
    LocalDate until = today.plusDays(Math.max(1, settings.reminderBefore().toDays()) + 1);
    OffsetDateTime now = OffsetDateTime.now(clock);
    int queued = 0;
    for (Completion c : completions.expiringUnreminded(today, until, BATCH)) {
      if (!completions.markReminded(c.id(), processInstanceId, now)) {
        continue;
      }
      String course = settings.course(c.courseId()).map(TrainingSettings.Course::name).orElse(c.courseId());
      Object[] facts = {course, c.completedOn(), c.expiresOn(), Durations.iso(settings.reminderBefore())};
      notices.queue(List.of(c.person()), locale -> new Letter(texts.text(locale, "training.subject", facts),
          texts.text(locale, "training.body", facts) + "\n"), null, TrainingAudit.ENTITY, c.id());
      audit.record(AuditEntry.changed(TrainingAudit.TRAINING_EXPIRY_REMINDED, c.id(), null, c,
          completions.find(c.id()).orElseThrow()));
      queued++;
    }
    return queued;
  }

  /** Sends what the run {@code processInstanceId} queued; see {@link NoticeService#sendPending}. */
  public int send(String processInstanceId) {
    int sent = 0;
    for (Long id : completions.remindedBy(processInstanceId)) {
      sent += notices.sendPending(TrainingAudit.ENTITY, id);
    }
    return sent;
  }
}
