package pmo.performance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;
import pmo.platform.ConflictException;
import pmo.platform.NotFoundException;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.engine.SystemActions;
import pmo.project.Project;
import pmo.project.ProjectCancelled;
import pmo.project.ProjectFilter;
import pmo.project.ProjectService;
import pmo.project.ProjectStatus;
import pmo.project.ProjectStatusChanged;
import pmo.project.Stage;

/**
 * The status report cycle: on each cycle day one report (an instance of status-report.bpmn) for every project in
 * execution that is active, none for projects on hold, closed or cancelled; a project that stops reporting cancels its
 * due reports and ends their processes, in the transaction that stops it. Opening is idempotent per project and day.
 */
@Service
class StatusReportService {

  private final StatusReportRepository reports;
  private final ProjectService projects;
  private final ImprovementPlans plans;
  private final SystemActions system;
  private final AuditLog audit;
  private final Clock clock;

  StatusReportService(StatusReportRepository reports, ProjectService projects, ImprovementPlans plans,
      SystemActions system, AuditLog audit, Clock clock) {
    this.reports = reports;
    this.projects = projects;
    this.plans = plans;
    this.system = system;
    this.audit = audit;
    this.clock = clock;
  }

  /** Step "Open status reports": one report per eligible project for today; returns how many were opened. */
  @Transactional
  public int openDue() {
    return openDue(LocalDate.now(clock));
  }

  @Transactional
  public int openDue(LocalDate statusDate) {
    int opened = 0;
    ProjectFilter eligible = new ProjectFilter(Stage.EXECUTION, ProjectStatus.ACTIVE, null, null);
    for (int page = 0; ; page++) {
      Page<Project> batch = projects.list(eligible, new PageRequest(page, PageRequest.MAX_SIZE));
      for (Project project : batch.items()) {
        if (open(project, statusDate)) {
          opened++;
        }
      }
      if (batch.items().size() < PageRequest.MAX_SIZE) {
        return opened;
      }
    }
  }

  /** Opens the report of one project for a cycle day, unless it has one; false when it had. */
  @Transactional
  public boolean open(Project project, LocalDate statusDate) {
    if (!project.reportsStatus() || reports.exists(project.id(), statusDate)) {
      return false;
    }
    system.startProcess(StatusReportProcess.KEY, project.code(),
        StatusReportProcess.startVariables(project.id(), statusDate));
    return true;
  }

  /** Step "Record report due": the report row of the process instance, due by the end of its cycle day. */
  @Transactional
  public StatusReport recordDue(long projectId, LocalDate statusDate, String processInstanceId) {
    Project project = projects.lock(projectId);
    if (reports.exists(projectId, statusDate)) {
      throw new ConflictException("project " + project.code() + " already has its status report for " + statusDate);
    }
    long id = reports.insertDue(projectId, statusDate, statusDate, processInstanceId, OffsetDateTime.now(clock));
    StatusReport due = get(id);
    audit.record(AuditEntry.created(PerformanceAudit.STATUS_REPORT_DUE, id, projectId, due));
    return due;
  }

  @Transactional(readOnly = true)
  public StatusReport get(long id) {
    return reports.find(id).orElseThrow(() -> new NotFoundException("status report", id));
  }

  @Transactional(readOnly = true)
  public long idOfProcess(String processInstanceId) {
    return reports.idOfProcess(processInstanceId).orElseThrow(() -> new IllegalStateException(
        "process instance " + processInstanceId + " has recorded no status report"));
  }

  /** The due reports of a project, oldest first (the REST API submits the oldest). */
  @Transactional(readOnly = true)
  public List<StatusReport> dueOf(long projectId) {
    return reports.dueOfProject(projectId);
  }

  /** A project put on hold, moved out of execution or closed stops reporting; one closed also ends its plan. */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  public void onStatusChanged(ProjectStatusChanged changed) {
    if (changed.stage() == Stage.EXECUTION && changed.status() == ProjectStatus.ACTIVE) {
      return;
    }
    String why = changed.stage() == Stage.CLOSED ? "closed" : changed.status() == ProjectStatus.ON_HOLD ? "on hold"
        : "in stage " + changed.stage() + ", " + changed.status();
    stop(changed.projectId(), "Project " + why + ": status reports stop",
        changed.stage() == Stage.CLOSED || changed.status() == ProjectStatus.CANCELLED);
  }

  /** A cancelled project stops reporting and its improvement plan closes, in the cancelling transaction. */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  public void onProjectCancelled(ProjectCancelled cancelled) {
    stop(cancelled.projectId(), truncate("Project cancelled: " + cancelled.reason(), 500), true);
  }

  private void stop(long projectId, String reason, boolean endPlan) {
    for (StatusReport due : reports.dueOfProject(projectId)) {
      StatusReport before = reports.lock(due.id()).orElseThrow();
      if (!StatusReport.DUE.equals(before.status())) {
        continue;
      }
      reports.cancel(before.id(), reason);
      audit.record(AuditEntry.changed(PerformanceAudit.STATUS_REPORT_CANCELLED, before.id(), projectId, before,
          get(before.id())));
      system.endProcess(before.processInstanceId(), reason);
    }
    Long open = plans.openPlanOf(projectId);
    if (endPlan && open != null) {
      plans.close(open, reason, null);
      reports.setOpenPlanOfLatest(projectId, null);
    }
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
