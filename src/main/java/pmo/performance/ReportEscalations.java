package pmo.performance;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import pmo.escalation.EscalatedCase;
import pmo.escalation.EscalatedCases;
import pmo.escalation.Escalation;
import pmo.escalation.EscalationStep;
import pmo.escalation.EscalationTrigger;
import pmo.notice.Text;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;
import pmo.project.Project;
import pmo.project.ProjectService;

/**
 * The deadline steps of status-report.bpmn as escalation steps: a report not submitted {@code reminder-after} working
 * days after its due day reminds its project manager (status-report-reminder), one still not submitted
 * {@code escalate-after} working days after it goes to the party the model names, the PMO (status-report-overdue).
 * A report submitted or cancelled meanwhile is neither. The report stays open; its audit trail records
 * STATUS_REPORT_REMINDED or STATUS_REPORT_ESCALATED.
 */
@Component
class ReportEscalations implements EscalatedCases {

  private final StatusReportRepository reports;
  private final ProjectService projects;
  private final PerformanceSettings settings;
  private final AuditLog audit;

  ReportEscalations(StatusReportRepository reports, ProjectService projects, PerformanceSettings settings,
      AuditLog audit) {
    this.reports = reports;
    this.projects = projects;
    this.settings = settings;
    this.audit = audit;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(StatusReportProcess.KEY);
  }

  @Override
  public Optional<EscalatedCase> lock(String processInstanceId, EscalationStep step, VariableScope variables) {
    boolean reminder = switch (step.trigger()) {
      case STATUS_REPORT_REMINDER -> true;
      case STATUS_REPORT_OVERDUE -> false;
      default -> throw new IllegalStateException(StatusReportProcess.KEY + " escalates on '" + step.trigger().value()
          + "', which status reports do not know");
    };
    long id = reports.idOfProcess(processInstanceId).orElseThrow(() -> new IllegalStateException(
        "process instance " + processInstanceId + " has recorded no status report"));
    StatusReport report = reports.lock(id).orElseThrow();
    if (!StatusReport.DUE.equals(report.status())) {
      return Optional.empty();
    }
    Project project = projects.find(report.projectId());
    String phase = reminder ? "reminder" : "escalation";
    int days = reminder ? settings.reports().reminderAfter() : settings.reports().escalateAfter();
    OffsetDateTime missed = PerformanceDeadlines.endOf(PerformanceDeadlines.plusWorkingDays(report.dueDate(), days))
        .toInstant().atOffset(ZoneOffset.UTC);
    String manager = project.manager() == null ? "project-managers" : project.manager();
    Text reason = Text.of("escalation.report.reason", project.code(), report.statusDate(), report.dueDate(), days,
        manager);
    String rule = step.rule() != null ? step.rule() : "pmo.performance.reports."
        + (reminder ? "reminder-after" : "escalate-after") + " = " + days + " working day(s)";
    Text ask = Text.of("escalation.ask", Text.of("escalation.report.ask." + phase),
        Text.of("notice.project", project.code(), project.name()));
    return Optional.of(new EscalatedCase(PerformanceAudit.Entities.REPORT, id, project.id(), reason, rule, missed,
        List.of(manager), null, new EscalatedCase.NoticeText(Text.of("escalation.report.subject",
        project.code(), report.statusDate()), ask, Set.of())));
  }

  @Override
  public void escalated(EscalatedCase escalatedCase, Escalation escalation) {
    audit.record(AuditEntry.created(escalation.trigger() == EscalationTrigger.STATUS_REPORT_REMINDER
        ? PerformanceAudit.STATUS_REPORT_REMINDED : PerformanceAudit.STATUS_REPORT_ESCALATED,
        escalatedCase.entityId(), escalatedCase.projectId(), escalation));
  }
}
