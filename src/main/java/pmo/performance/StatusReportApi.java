package pmo.performance;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.platform.ConflictException;
import pmo.platform.ForbiddenActionException;
import pmo.platform.InvalidInputException;
import pmo.platform.engine.CurrentActor;
import pmo.project.Project;
import pmo.project.ProjectService;
import pmo.project.Stage;

/**
 * Submitting a status report over REST: completes the project's oldest due report task as the signed-in user, with
 * the same form fields as Tasklist, so the same process path, checks and KPIs follow. Only the project's manager
 * submits (403 for anybody else); a project that does not report (closed, cancelled, on hold, not in execution) is
 * bad input on {@code projectId}; a running project with no report due is a conflict.
 */
@Service
class StatusReportApi {

  private final StatusReportService reports;
  private final ProjectService projects;
  private final TaskService tasks;
  private final CurrentActor actor;

  StatusReportApi(StatusReportService reports, ProjectService projects, TaskService tasks, CurrentActor actor) {
    this.reports = reports;
    this.projects = projects;
    this.tasks = tasks;
    this.actor = actor;
  }

  @Transactional
  public StatusReport submit(long projectId, ReportDraft draft) {
    Project project = projects.find(projectId);
    String user = actor.id();
    if (!user.equals(project.manager())) {
      throw new ForbiddenActionException(user + " is not the manager of " + project.code()
          + ": only " + project.manager() + " submits its status reports");
    }
    if (!project.reportsStatus()) {
      throw InvalidInputException.of("projectId", "project " + project.code() + " is "
          + (project.stage() == Stage.EXECUTION ? project.status().name() : project.stage().name()) + ": "
          + ReportSubmission.RUNNING_PROJECT_NEEDED);
    }
    List<StatusReport> due = reports.dueOf(projectId);
    if (due.isEmpty()) {
      throw new ConflictException("no status report of " + project.code() + " is due");
    }
    StatusReport report = due.get(0);
    Task task = tasks.createTaskQuery().processInstanceId(report.processInstanceId())
        .taskDefinitionKey(StatusReportProcess.TASK_SUBMIT).singleResult();
    if (task == null) {
      throw new ConflictException("the status report of " + project.code() + " for " + report.statusDate()
          + " is not waiting for its submission");
    }
    tasks.complete(task.getId(), StatusReportProcess.formVariables(draft));
    return reports.get(report.id());
  }
}
