package pmo.change;

import java.util.List;
import pmo.audit.AuditEvent;
import pmo.escalation.Escalation;

/** A change request with its approvals and votes, its reminders and escalations, and its audit history. */
public record ChangeRequestDetails(ChangeRequest request, List<Approval> approvals, List<Escalation> escalations,
    List<AuditEvent> history) {
}
