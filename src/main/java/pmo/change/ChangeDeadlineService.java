package pmo.change;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.audit.AuditService;
import pmo.platform.engine.CurrentActor;
import pmo.platform.Roles;

/**
 * Deadlines of the approval steps ({@link ChangeDeadlines}): when an approval task has waited past the reminder
 * period its approvers get a reminder notice; past the escalation period the PMO gets an escalation notice. Both are
 * recorded (a row in change_escalation and an audit event: who was waited for, since when, why, to whom).
 */
@Service
public class ChangeDeadlineService {

  static final String REMINDER = "REMINDER";
  static final String ESCALATION = "ESCALATION";

  private final ChangeRequestRepository requests;
  private final ChangeEngine engine;
  private final ChangeNotices notices;
  private final ChangeDeadlines deadlines;
  private final AuditService audit;
  private final CurrentActor actor;
  private final Clock clock;

  ChangeDeadlineService(ChangeRequestRepository requests, ChangeEngine engine, ChangeNotices notices,
      ChangeDeadlines deadlines, AuditService audit, CurrentActor actor, Clock clock) {
    this.requests = requests;
    this.engine = engine;
    this.notices = notices;
    this.deadlines = deadlines;
    this.audit = audit;
    this.actor = actor;
    this.clock = clock;
  }

  /** Reminds whoever an open approval task waits for (never the requester). False when nothing is open. */
  @Transactional
  public boolean remind(long id) {
    return handle(id, REMINDER);
  }

  /** Escalates an open approval to the PMO (never to the requester). False when nothing is open. */
  @Transactional
  public boolean escalate(long id) {
    return handle(id, ESCALATION);
  }

  private boolean handle(long id, String kind) {
    ChangeRequest request = requests.find(id).orElseThrow();
    List<Task> open = engine.openApprovalTasks(request.processInstanceId());
    if (open.isEmpty() || !request.status().isOpen()) {
      return false;
    }
    ApprovalStage stage = ApprovalStage.ofTask(open.get(0).getTaskDefinitionKey()).orElseThrow();
    OffsetDateTime since = open.get(0).getCreateTime().toInstant().atOffset(ZoneOffset.UTC);
    Set<String> waitingFor = engine.actorsOf(open);
    waitingFor.remove(request.requester());
    String waiting = waitingFor.isEmpty() ? "nobody (no eligible approver)" : String.join(", ", waitingFor);
    boolean escalation = ESCALATION.equals(kind);
    String period = escalation ? deadlines.escalateAfter() : deadlines.reminderAfter();
    String reason = "The " + stage.label() + " of " + request.reference() + " has been open since " + since
        + ", longer than " + period + "; waiting for " + waiting;
    List<String> recipients = escalation ? ChangeEngine.without(engine.membersOf(Roles.PMO), request.requester())
        : List.copyOf(waitingFor);
    String subject = (escalation ? "Escalation: " : "Reminder: ") + request.reference() + " waits for the "
        + stage.label() + ": " + request.title();
    String body = reason + "\n\n" + (escalation
        ? "Please make sure the approvers decide, or reassign the task in Tasklist."
        : "Please decide in Tasklist.") + "\nChange request: " + request.reference() + " " + request.title() + "\n";
    recipients.forEach(user -> notices.queue(user, subject, body, request));
    long row = requests.insertEscalation(id, kind, stage, since, ChangeRequestService.truncate(waiting, 2000),
        escalation ? Roles.PMO : null, ChangeRequestService.truncate(reason, 2000), actor.id(),
        OffsetDateTime.now(clock));
    audit.record(escalation ? "CHANGE_REQUEST_ESCALATED" : "CHANGE_REQUEST_REMINDED", ChangeRequestService.ENTITY, id,
        request.projectId(), null, requests.escalation(row));
    return true;
  }
}
