package pmo.improvement.training;

import org.springframework.stereotype.Component;
import pmo.project.Project;
import pmo.project.ProjectFactSource;
import pmo.project.ProjectFacts;
import pmo.project.ProjectService;

/**
 * The training capability's fact about a project, for the gate criteria: {@code managerTrained}, whether the project's
 * manager holds today a valid completion of every course of the current standard (false without a manager). Every gate
 * check records it with its facts; it scores G1's should-meet criterion "project manager trained in the current
 * standard" (pmo.stagegate.should-meet.G1, {@code fact: managerTrained}); it is no knock-out criterion.
 */
@Component
class TrainingFacts implements ProjectFactSource {

  private final ProjectService projects;
  private final TrainingService training;

  TrainingFacts(ProjectService projects, TrainingService training) {
    this.projects = projects;
    this.training = training;
  }

  @Override
  public ProjectFacts addTo(ProjectFacts facts, long projectId) {
    Project project = projects.find(projectId);
    return facts.withManagerTrained(project.manager() != null && training.trainedInStandard(project.manager()));
  }
}
