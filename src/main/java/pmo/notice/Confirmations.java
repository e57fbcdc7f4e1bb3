package pmo.notice;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import pmo.platform.engine.SystemJob;
import pmo.platform.engine.SystemJobs;
import pmo.project.Project;
import pmo.project.ProjectService;

/**
 * The confirmation every case's raiser gets when the case is recorded (README, "My cases and references"): its
 * reference (the business key Cockpit shows and the first word of their tasks for it), what it is about and where it
 * goes next. One way for every case: queued in the outbox in the transaction that records the case, and sent by a
 * {@link SystemJob} of its own ({@value #JOB}, argument the reference) once that transaction commits: a job that no
 * task of the case's own instance can collide with, retried as every notice step ({@link NoticeDelivery}). Until
 * 1 December 2026 an internal process ({@code case-confirmation}) sent it, one instance per case; the job sends the
 * same notice with 39 fewer statements per case (issue 15).
 */
@Service
public class Confirmations implements SystemJob {

  /** The notices' related type; their related id is the case's reference. */
  public static final String TYPE = "CASE_CONFIRMATION";
  /** The system job that sends a confirmation; its argument is the case's reference. */
  public static final String JOB = "case-confirmation";

  private final NoticeService notices;
  private final SystemJobs jobs;
  private final ProjectService projects;
  private final NoticeTexts texts;
  private final NoticeDelivery delivery;

  Confirmations(NoticeService notices, SystemJobs jobs, ProjectService projects, NoticeTexts texts,
      NoticeDelivery delivery) {
    this.notices = notices;
    this.texts = texts;
    this.jobs = jobs;
    this.projects = projects;
    this.delivery = delivery;
  }

  /**
   * What a confirmation says: the case's kind in words ({@code Text.of("case.risk")}), its reference, its title, who
   * raised it, its project (may be null) and what it waits for next (may be null), written in the raiser's language.
   */
  public record Confirmation(Text kind, String reference, String title, String raisedBy, Long projectId,
      Text waitsFor) {

    Letter letter(NoticeTexts texts, Locale locale, Project project) {
      StringBuilder body = new StringBuilder(texts.text(locale, "confirmation.recorded", kind, reference, title))
          .append('\n');
      if (project != null) {
        body.append(texts.text(locale, "notice.project", project.code(), project.name())).append('\n');
      }
      if (waitsFor != null) {
        body.append(texts.text(locale, "confirmation.waitsFor", waitsFor)).append('\n');
      }
      body.append(texts.text(locale, "confirmation.quote", reference)).append('\n');
      return new Letter(texts.text(locale, "confirmation.subject", kind, reference, title), body.toString());
    }
  }

  /** Queues the confirmation in the transaction that records the case, and the job that sends it. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Notice confirm(Confirmation confirmation) {
    Project project = confirmation.projectId() == null ? null : projects.find(confirmation.projectId());
    Notice queued = notices.queue(List.of(confirmation.raisedBy()),
        locale -> confirmation.letter(texts, locale, project), confirmation.projectId(), TYPE,
        confirmation.reference()).get(0);
    jobs.queue(JOB, confirmation.reference());
    return queued;
  }

  /** Sends the pending confirmation of the case of this reference. */
  public int send(String reference) {
    return notices.sendPending(TYPE, reference);
  }

  @Override
  public String name() {
    return JOB;
  }

  /**
   * Sends the confirmation; a failure names the case only: the engine shows an incident of a job without a process to
   * every user, and the delivery error (with the recipient's address) stays with the notice.
   */
  @Override
  public void run(String reference) {
    try {
      send(reference);
    } catch (NoticeDeliveryException e) {
      throw new NoticeDeliveryException("the confirmation of " + reference + " was not sent, kept PENDING for the retry"
          + " (the notice keeps the error)");
    }
  }

  @Override
  public String retryCycle() {
    return delivery.retryCycle();
  }
}
