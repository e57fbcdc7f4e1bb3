package pmo.stagegate;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import pmo.platform.engine.CaseParties;
import pmo.project.Project;
import pmo.project.ProjectService;

/**
 * Which project and gate a lifecycle or gate review instance works on, never from a variable: the system starts a
 * project's lifecycle with the project's code as business key, and its gate reviews inherit it (nobody but an
 * administrator can change a business key); a review's gate is the one that closes the project's current stage; its
 * package is the latest one it recorded. Also the parties of a gate review for the four-eyes rule: who submitted its
 * latest package.
 */
@Component
class GateReviews implements CaseParties {

  static final String PACKAGE_SUBMITTER = "packageSubmitter";

  record Review(long projectId, Gate gate) {
  }

  private final GateRepository gates;
  private final ProjectService projects;

  GateReviews(GateRepository gates, ProjectService projects) {
    this.gates = gates;
    this.projects = projects;
  }

  /** The project of the lifecycle (or of the gate review in a lifecycle) this execution runs in. */
  long projectOfLifecycle(DelegateExecution execution) {
    String code = execution.getProcessBusinessKey();
    return projects.findByCode(code).map(Project::id).orElseThrow(() -> new IllegalStateException(
        "process instance " + execution.getProcessInstanceId() + " has business key '" + code
            + "', which is no project's code"));
  }

  /** The project and gate of the gate review this execution runs in. */
  Review of(DelegateExecution execution) {
    long projectId = projectOfLifecycle(execution);
    Project project = projects.find(projectId);
    Gate gate = Gate.closing(project.stage()).orElseThrow(() -> new IllegalStateException(
        "project " + project.code() + " is in stage " + project.stage() + ", which no gate closes"));
    return new Review(projectId, gate);
  }

  /** The latest package the gate review this execution runs in has recorded. */
  long packageOf(DelegateExecution execution) {
    String processInstanceId = execution.getProcessInstanceId();
    return gates.latestPackageOfProcess(processInstanceId).map(GateRepository.PackageRow::id)
        .orElseThrow(() -> new IllegalStateException("gate review " + processInstanceId + " has no package yet"));
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(GateReviewProcess.KEY);
  }

  @Override
  public Set<String> roles() {
    return Set.of(PACKAGE_SUBMITTER);
  }

  @Override
  public Map<String, String> parties(String processInstanceId) {
    return gates.latestPackageOfProcess(processInstanceId)
        .map(p -> Map.of(PACKAGE_SUBMITTER, p.submittedBy())).orElse(Map.of());
  }
}
