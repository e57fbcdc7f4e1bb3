package pmo.change;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.notice.NewNotice;
import pmo.notice.Notice;
import pmo.notice.NoticeService;
import pmo.notice.Confirmations;
import pmo.project.Project;
import pmo.project.ProjectService;

/**
 * The stakeholder notices of change control, queued in the outbox ({@link NoticeService}) in the transaction of the
 * decision they report and sent by the process's asynchronous "send notices" steps.
 */
@Service
public class ChangeNotices {

  static final String RELATED_TYPE = ChangeRequestService.ENTITY;

  private final ChangeRequestRepository requests;
  private final ProjectService projects;
  private final NoticeService notices;
  private final Confirmations confirmations;

  ChangeNotices(ChangeRequestRepository requests, ProjectService projects, NoticeService notices,
      Confirmations confirmations) {
    this.requests = requests;
    this.projects = projects;
    this.notices = notices;
    this.confirmations = confirmations;
  }

  /** Tells the project's sponsor and manager and the requester (each once) whether the change was approved. */
  @Transactional
  public List<Notice> queueOutcome(long id) {
    ChangeRequest request = requests.find(id).orElseThrow();
    Project project = projects.find(request.projectId());
    Set<String> recipients = new LinkedHashSet<>();
    recipients.add(project.sponsor());
    if (project.manager() != null) {
      recipients.add(project.manager());
    }
    recipients.add(request.requester());
    boolean approved = request.status() == ChangeStatus.APPROVED;
    String subject = request.reference() + (approved ? " approved: " : " rejected: ") + request.title();
    StringBuilder body = new StringBuilder()
        .append("Change request ").append(request.reference()).append(" \"").append(request.title()).append("\"\n")
        .append("Project: ").append(project.code()).append(" ").append(project.name()).append('\n')
        .append("Outcome: ").append(approved ? "APPROVED" : "REJECTED").append(" (route ")
        .append(request.route()).append(")\n")
        .append("Cost delta: ").append(request.costDelta().toPlainString()).append('\n')
        .append("Schedule delta: ").append(request.scheduleDeltaDays()).append(" days\n");
    if (request.outcomeReason() != null) {
      body.append("Reason: ").append(request.outcomeReason()).append('\n');
    }
    if (approved && request.newBaselineVersion() != null) {
      body.append("New baseline: version ").append(request.newBaselineVersion()).append('\n');
    }
    body.append(requests.approvals(id).stream().filter(a -> a.round() == request.round())
        .map(a -> "- " + a.stage().label() + " by " + a.approver() + ": " + a.decision()
            + (a.comment() == null ? "" : " (" + a.comment() + ")"))
        .collect(Collectors.joining("\n", "Decisions:\n", "\n")));
    return recipients.stream()
        .map(user -> notices.queue(new NewNotice(user, subject, body.toString(), request.projectId(), RELATED_TYPE,
            id)))
        .toList();
  }

  /**
   * Confirms a recorded request to its requester ({@link Confirmations}) with its reference and who has it now: the
   * project manager assesses the impact (or the project-managers group when the project has no manager yet).
   */
  @Transactional
  public Notice queueConfirmation(long id) {
    ChangeRequest request = requests.find(id).orElseThrow();
    Project project = projects.find(request.projectId());
    String waitsFor = project.manager() != null ? "the impact assessment by " + project.manager()
        + " (project manager)" : "the impact assessment by a project manager (the project has none yet)";
    return confirmations.confirm(new Confirmations.Confirmation("change request", request.reference(),
        request.title(), request.requester(), request.projectId(), waitsFor));
  }

  /** Sends what is pending for this request; see {@link NoticeService#sendPending}. */
  public int sendPending(long id) {
    return notices.sendPending(RELATED_TYPE, id);
  }
}
