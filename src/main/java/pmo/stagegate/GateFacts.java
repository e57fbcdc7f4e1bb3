package pmo.stagegate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import pmo.project.Project;
import pmo.project.ProjectFactSource;
import pmo.project.ProjectFacts;
import pmo.project.ProjectService;

/**
 * Gathers what gate-criteria.dmn decides on: the {@link ProjectFacts} every {@link ProjectFactSource} of the application
 * adds to (this capability's own, and those of the risk, issue and change capabilities), starting from "none recorded"
 * ({@link ProjectFacts#NONE}), with the gate and the project's stage and status beside them (kept with each check).
 */
@Component
class GateFacts {

  private final List<ProjectFactSource> sources;
  private final ProjectService projects;

  GateFacts(List<ProjectFactSource> sources, ProjectService projects) {
    this.sources = sources;
    this.projects = projects;
  }

  Map<String, Object> collect(long projectId, Gate gate) {
    ProjectFacts facts = ProjectFacts.NONE;
    for (ProjectFactSource source : sources) {
      facts = source.addTo(facts, projectId);
    }
    Project project = projects.find(projectId);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("gate", gate.name());
    variables.put("currentStage", project.stage().name());
    variables.put("projectStatus", project.status().name());
    variables.putAll(facts.asVariables());
    return variables;
  }
}
