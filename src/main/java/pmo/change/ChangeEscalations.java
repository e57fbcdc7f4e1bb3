package pmo.change;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import pmo.escalation.EscalatedCase;
import pmo.escalation.EscalatedCases;
import pmo.escalation.Escalation;
import pmo.escalation.EscalationStep;
import pmo.escalation.EscalationTrigger;
import pmo.notice.Text;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;
import pmo.platform.Durations;

/**
 * The deadline steps of change-request.bpmn as escalation steps: an approval task open longer than
 * {@code pmo.change.reminder-after} reminds whoever it waits for (trigger approval-reminder), one open longer than
 * {@code pmo.change.escalate-after} goes to the party the model names, the PMO (approval-overdue). The requester is
 * never waited for nor notified. The request's status does not change (the approval stays open); its audit trail
 * records CHANGE_REQUEST_REMINDED or CHANGE_REQUEST_ESCALATED.
 */
@Component
class ChangeEscalations implements EscalatedCases {

  private final ChangeRequestRepository requests;
  private final ChangeEngine engine;
  private final ChangeSettings settings;
  private final AuditLog audit;

  ChangeEscalations(ChangeRequestRepository requests, ChangeEngine engine, ChangeSettings settings, AuditLog audit) {
    this.requests = requests;
    this.engine = engine;
    this.settings = settings;
    this.audit = audit;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(ChangeRequestProcess.KEY);
  }

  /** Empty when no approval is open any more (it was decided meanwhile) or the request is finished. */
  @Override
  public Optional<EscalatedCase> lock(String processInstanceId, EscalationStep step, VariableScope variables) {
    boolean reminder = switch (step.trigger()) {
      case APPROVAL_REMINDER -> true;
      case APPROVAL_OVERDUE -> false;
      default -> throw new IllegalStateException("change-request.bpmn escalates on '" + step.trigger().value()
          + "', which change requests do not know");
    };
    long id = requests.idOfProcess(processInstanceId).orElseThrow(() -> new IllegalStateException(
        "process instance " + processInstanceId + " has recorded no change request"));
    ChangeRequest request = requests.lock(id).orElseThrow();
    List<Task> open = engine.openApprovalTasks(processInstanceId);
    if (open.isEmpty() || !request.status().isOpen()) {
      return Optional.empty();
    }
    ApprovalStage stage = ApprovalStage.ofTask(open.get(0).getTaskDefinitionKey()).orElseThrow();
    OffsetDateTime since = open.get(0).getCreateTime().toInstant().atOffset(ZoneOffset.UTC);
    Set<String> waitingFor = engine.actorsOf(open);
    waitingFor.remove(request.requester());
    String phase = reminder ? "reminder" : "escalation";
    Duration period = reminder ? settings.reminderAfter() : settings.escalateAfter();
    Text stageWords = Text.of("stage." + stage.name());
    Text reason = Text.of("escalation.change.reason", stageWords, request.reference(), since, Durations.iso(period),
        waitingFor.isEmpty() ? Text.of("escalation.change.nobody") : String.join(", ", waitingFor));
    String rule = step.rule() != null ? step.rule()
        : "pmo.change." + (reminder ? "reminder-after" : "escalate-after") + " = " + Durations.iso(period);
    Text ask = Text.of("escalation.ask", Text.of("escalation.change.ask." + phase),
        Text.of("escalation.change.case", request.reference(), request.title()));
    return Optional.of(new EscalatedCase(ChangeRequestService.ENTITY, id, request.projectId(), reason, rule,
        since.plus(period), List.copyOf(waitingFor), null, new EscalatedCase.NoticeText(Text.of(
        "escalation.change.subject", request.reference(), stageWords, request.title()), ask,
        Set.of(request.requester()))));
  }

  @Override
  public void escalated(EscalatedCase escalatedCase, Escalation escalation) {
    audit.record(AuditEntry.created(escalation.trigger() == EscalationTrigger.APPROVAL_REMINDER
        ? ChangeAudit.CHANGE_REQUEST_REMINDED : ChangeAudit.CHANGE_REQUEST_ESCALATED, escalatedCase.entityId(),
        escalatedCase.projectId(), escalation));
  }
}
