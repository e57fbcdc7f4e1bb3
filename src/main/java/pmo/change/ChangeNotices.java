package pmo.change;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.notice.Confirmations;
import pmo.notice.Letter;
import pmo.notice.Notice;
import pmo.notice.NoticeService;
import pmo.notice.NoticeTexts;
import pmo.notice.Text;
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
  private final NoticeTexts texts;

  ChangeNotices(ChangeRequestRepository requests, ProjectService projects, NoticeService notices,
      Confirmations confirmations, NoticeTexts texts) {
    this.texts = texts;
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
    List<Approval> decisions = requests.approvals(id).stream()
        .filter(a -> a.round() == request.round()).toList();
    return notices.queue(recipients, locale -> outcome(locale, request, project, decisions), request.projectId(),
        RELATED_TYPE, id);
  }

  /** The outcome in one language: the request, its project, the outcome and route, figures, reason, decisions. */
  private Letter outcome(Locale locale, ChangeRequest request, Project project,
      List<Approval> decisions) {
    String outcome = request.status() == ChangeStatus.APPROVED ? "APPROVED" : "REJECTED";
    List<String> lines = new ArrayList<>();
    lines.add(texts.text(locale, "change.request", request.reference(), request.title()));
    lines.add(texts.text(locale, "notice.project", project.code(), project.name()));
    lines.add(texts.text(locale, "change.outcome", Text.of("change.outcome." + outcome),
        request.route() == null ? null : Text.of("route." + request.route())));
    lines.add(texts.text(locale, "change.costDelta", Text.amount(request.costDelta())));
    lines.add(texts.text(locale, "change.scheduleDelta", request.scheduleDeltaDays()));
    if (request.outcomeReason() != null) {
      lines.add(texts.text(locale, "notice.reason", request.outcomeReason()));
    }
    if (request.status() == ChangeStatus.APPROVED && request.newBaselineVersion() != null) {
      lines.add(texts.text(locale, "change.newBaseline", request.newBaselineVersion()));
    }
    lines.add(texts.text(locale, "change.decisions"));
    decisions.forEach(a -> lines.add(texts.text(locale, a.comment() == null ? "change.decision"
        : "change.decision.comment", Text.of("stage." + a.stage().name()), a.approver(),
        Text.of("decision." + a.decision()), a.comment())));
    return new Letter(texts.text(locale, "change.subject." + outcome, request.reference(), request.title()),
        String.join("\n", lines) + "\n");
  }

  /**
   * Confirms a recorded request to its requester ({@link Confirmations}) with its reference and who has it now: the
   * project manager assesses the impact (or the project-managers group when the project has no manager yet).
   */
  @Transactional
  public Notice queueConfirmation(long id) {
    ChangeRequest request = requests.find(id).orElseThrow();
    Project project = projects.find(request.projectId());
    Text waitsFor = project.manager() != null ? Text.of("waits.impactAssessment", project.manager())
        : Text.of("waits.impactAssessment.noManager");
    return confirmations.confirm(new Confirmations.Confirmation(Text.of("case.changeRequest"), request.reference(),
        request.title(), request.requester(), request.projectId(), waitsFor));
  }

  /** Sends what is pending for this request; see {@link NoticeService#sendPending}. */
  public int sendPending(long id) {
    return notices.sendPending(RELATED_TYPE, id);
  }
}
