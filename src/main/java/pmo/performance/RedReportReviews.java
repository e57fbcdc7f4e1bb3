package pmo.performance;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.notice.Text;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;
import pmo.platform.ConflictException;
import pmo.platform.InputErrors;
import pmo.platform.Roles;
import pmo.platform.engine.CurrentActor;
import pmo.project.Project;
import pmo.project.ProjectService;

/**
 * Step "Record PMO review": the PMO's assessment of a report whose overall RAG is red, and its follow-up
 * ({@link RedReportFollowUp}).
 */
@Service
class RedReportReviews {

  private final StatusReportRepository reports;
  private final ProjectService projects;
  private final PerformanceNotices notices;
  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final CurrentActor actor;
  private final Clock clock;

  RedReportReviews(StatusReportRepository reports, ProjectService projects, PerformanceNotices notices,
      JdbcClient jdbc, AuditLog audit, CurrentActor actor, Clock clock) {
    this.reports = reports;
    this.projects = projects;
    this.notices = notices;
    this.jdbc = jdbc;
    this.audit = audit;
    this.actor = actor;
    this.clock = clock;
  }

  @Transactional
  public StatusReport review(long reportId, String assessment, RedReportFollowUp followUp) {
    InputErrors errors = new InputErrors();
    errors.requireText(assessment, StatusReportProcess.PMO_ASSESSMENT.name(), 2000);
    errors.require(followUp != null, StatusReportProcess.PMO_FOLLOW_UP.name(), "is required");
    errors.throwIfAny();
    StatusReport before = reports.lock(reportId).orElseThrow();
    if (!StatusReport.SUBMITTED.equals(before.status()) || before.reviewedBy() != null) {
      throw new ConflictException("status report " + reportId + " is not waiting for the PMO's review");
    }
    jdbc.sql("""
            update status_report set pmo_assessment = :assessment, pmo_follow_up = :followUp, reviewed_by = :by,
                   reviewed_at = :now where id = :id""")
        .param("assessment", assessment).param("followUp", followUp.name()).param("by", actor.id())
        .param("now", OffsetDateTime.now(clock)).param("id", reportId).update();
    StatusReport after = reports.find(reportId).orElseThrow();
    audit.record(AuditEntry.changed(PerformanceAudit.STATUS_REPORT_REVIEWED, reportId, before.projectId(), before,
        after));
    if (followUp == RedReportFollowUp.STEERING) {
      Project project = projects.find(before.projectId());
      notices.queueToGroups(List.of(Roles.STEERING_COMMITTEE), Text.of("performance.red.subject", project.code(),
          project.name()), Text.of("performance.red.body", project.code(), before.statusDate(), before.spi(),
          before.cpi(), assessment), project.id(), PerformanceAudit.Entities.REPORT, reportId);
    }
    return after;
  }
}
