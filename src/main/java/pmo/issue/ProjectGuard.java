package pmo.issue;

import org.springframework.stereotype.Component;
import pmo.platform.InputErrors;
import pmo.platform.NotFoundException;
import pmo.project.Project;
import pmo.project.ProjectService;
import pmo.project.ProjectStatus;

/** Risks and issues are raised for an existing project that is still running (active or on hold). */
@Component
public class ProjectGuard {

  private final ProjectService projects;

  ProjectGuard(ProjectService projects) {
    this.projects = projects;
  }

  /** Adds a field error unless {@code projectId} names a running project; returns the project when it exists. */
  public Project check(InputErrors errors, String field, Long projectId) {
    if (projectId == null) {
      errors.add(field, "is required");
      return null;
    }
    Project project;
    try {
      project = projects.find(projectId);
    } catch (NotFoundException e) {
      errors.add(field, "unknown project " + projectId);
      return null;
    }
    if (project.status() != ProjectStatus.ACTIVE && project.status() != ProjectStatus.ON_HOLD) {
      errors.add(field, "project " + projectId + " is " + project.status() + "; only running projects take new "
          + "risks and issues");
    }
    return project;
  }

  /** The project's manager, who assesses its risks and triages its issues; null when it has none. */
  public String managerOf(long projectId) {
    return projects.find(projectId).manager();
  }
}
