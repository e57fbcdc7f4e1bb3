package pmo.notice;

import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import pmo.platform.engine.SystemActions;
import pmo.project.Project;
import pmo.project.ProjectService;

/**
 * The confirmation every case's raiser gets when the case is recorded (README, "My cases and references"): its
 * reference (the business key Cockpit shows and the first word of their tasks for it), what it is about and where it
 * goes next. One way for every case: queued in the outbox in the transaction that records the case, and sent by the
 * internal process {@code case-confirmation} (processes/case-confirmation.bpmn), started with the reference as its
 * business key, in a job of its own that no task of the case's own instance can collide with, retried as every notice
 * step.
 */
@Service
public class Confirmations {

  /** The notices' related type; their related id is the case's reference. */
  public static final String TYPE = "CASE_CONFIRMATION";
  /** The internal process that sends a confirmation. */
  public static final String PROCESS = "case-confirmation";

  private final NoticeService notices;
  private final SystemActions system;
  private final ProjectService projects;

  Confirmations(NoticeService notices, SystemActions system, ProjectService projects) {
    this.notices = notices;
    this.system = system;
    this.projects = projects;
  }

  /**
   * What a confirmation says: the case's kind in words ("risk"), its reference, its title, who raised it, its project
   * (may be null) and what it waits for next (may be null).
   */
  public record Confirmation(String kind, String reference, String title, String raisedBy, Long projectId,
      String waitsFor) {

    String subject() {
      return "Your " + kind + " " + reference + " was recorded: " + title;
    }

    String body(Project project) {
      StringBuilder body = new StringBuilder("Your ").append(kind).append(' ').append(reference).append(" \"")
          .append(title).append("\" was recorded.\n");
      if (project != null) {
        body.append("Project: ").append(project.code()).append(' ').append(project.name()).append('\n');
      }
      if (waitsFor != null) {
        body.append("It waits for ").append(waitsFor).append(".\n");
      }
      return body.append("Quote ").append(reference).append(" when you ask about it; your tasks for it begin with ")
          .append(reference).append(", and \"My cases\" (/my-cases/) shows where it waits.\n").toString();
    }
  }

  /** Queues the confirmation in the transaction that records the case and starts the process that sends it. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Notice confirm(Confirmation confirmation) {
    Project project = confirmation.projectId() == null ? null : projects.find(confirmation.projectId());
    Notice queued = notices.queue(new NewNotice(confirmation.raisedBy(), confirmation.subject(),
        confirmation.body(project), confirmation.projectId(), TYPE, confirmation.reference()));
    system.startProcess(PROCESS, confirmation.reference(), Map.of());
    return queued;
  }

  /** Sends the pending confirmation of the case of this reference (the step of processes/case-confirmation.bpmn). */
  public int send(String reference) {
    return notices.sendPending(TYPE, reference);
  }
}
