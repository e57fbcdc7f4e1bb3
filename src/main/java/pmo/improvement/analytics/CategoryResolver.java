package pmo.improvement.analytics;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import pmo.platform.NotFoundException;
import pmo.project.Project;
import pmo.project.ProjectService;
import pmo.project.ProjectSettings;

/**
 * Which project, and so which project category, a process instance counts under: the project its {@code projectId}
 * variable names (change requests, risks, issues, improvement proposals), else the project whose code is its business
 * key (a project's lifecycle and its gate reviews), else its {@code category} variable when that is a project category
 * (an intake proposal, before it has a project). None of these: no category ({@code ""}).
 */
@Component
class CategoryResolver {

  static final String NONE = "";

  /** A project (or none) and its category. */
  record Counted(Long projectId, String category) {
  }

  private final ProjectService projects;
  private final ProjectSettings settings;

  CategoryResolver(ProjectService projects, ProjectSettings settings) {
    this.projects = projects;
    this.settings = settings;
  }

  /** A resolver for one batch, which looks each project up once. */
  Batch batch() {
    return new Batch();
  }

  final class Batch {

    private final Map<String, Optional<Project>> byCode = new HashMap<>();
    private final Map<Long, Optional<Project>> byId = new HashMap<>();

    Counted resolve(Map<String, Object> variables, String businessKey) {
      Object id = variables.get("projectId");
      Optional<Project> project = id instanceof Long projectId
          ? byId.computeIfAbsent(projectId, this::find) : Optional.empty();
      if (project.isEmpty() && businessKey != null && !businessKey.isBlank()) {
        project = byCode.computeIfAbsent(businessKey, projects::findByCode);
      }
      if (project.isPresent()) {
        return new Counted(project.get().id(), project.get().category());
      }
      Object category = variables.get("category");
      return new Counted(null, category instanceof String c && settings.categories().contains(c) ? c : NONE);
    }

    private Optional<Project> find(long projectId) {
      try {
        return Optional.of(projects.find(projectId));
      } catch (NotFoundException e) {
        return Optional.empty();
      }
    }
  }
}
