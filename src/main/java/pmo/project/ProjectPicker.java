package pmo.project;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import pmo.platform.Viewer;
import pmo.platform.engine.FormOptions;

/**
 * The project picker of the forms ({@code valuesKey: "runningProjects"}): the running projects (active or on hold, not
 * closed: those that take new changes, risks, issues and proposals), labelled "PRJ-00001 Name", ordered by code,
 * the {@link FormOptions#LIMIT} most recently registered ones. Every member of staff may raise things on any running
 * project, so the list is the same for all; the value is the project's id, as the REST API and the process take it.
 */
@Component
class ProjectPicker implements FormOptions {

  static final String RUNNING_PROJECTS = "runningProjects";

  private final ProjectRepository projects;

  ProjectPicker(ProjectRepository projects) {
    this.projects = projects;
  }

  @Override
  public Set<String> keys() {
    return Set.of(RUNNING_PROJECTS);
  }

  @Override
  public List<Option> options(String key, Viewer user) {
    return projects.recentRunning(LIMIT).stream().map(ProjectPicker::option).toList();
  }

  @Override
  public Optional<Option> option(String key, Object value) {
    try {
      return projects.find(Long.parseLong(String.valueOf(value).trim())).map(ProjectPicker::option);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Option option(Project project) {
    return new Option(project.code() + " " + project.name(), project.id());
  }
}
