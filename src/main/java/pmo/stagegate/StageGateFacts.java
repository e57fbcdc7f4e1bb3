package pmo.stagegate;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import pmo.project.ProjectDetails;
import pmo.project.ProjectService;

/**
 * The stage-gate capability's facts about a project: its stage and status, whether a budget baseline is set (the
 * current baseline has a budget above 0), and the facts of the standard deliverables ticked in the latest package of
 * their gate (for example {@code charterApproved}, {@code acceptanceSigned}; false until ticked).
 */
@Component
class StageGateFacts implements pmo.project.ProjectFactSource {

  private final ProjectService projects;
  private final GateRepository gates;
  private final StageGateSettings settings;

  StageGateFacts(ProjectService projects, GateRepository gates, StageGateSettings settings) {
    this.projects = projects;
    this.gates = gates;
    this.settings = settings;
  }

  @Override
  public Map<String, Object> factsFor(long projectId) {
    ProjectDetails project = projects.get(projectId);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("currentStage", project.project().stage().name());
    facts.put("projectStatus", project.project().status().name());
    facts.put("baselineSet", project.currentBaseline().budgetAtCompletion().compareTo(BigDecimal.ZERO) > 0);
    for (Gate gate : Gate.values()) {
      settings.deliverables(gate).stream().filter(d -> d.fact() != null).forEach(d -> facts.put(d.fact(), false));
    }
    for (GateRepository.Ticked ticked : gates.deliveredInLatestPackages(projectId)) {
      settings.deliverables(Gate.valueOf(ticked.gate())).stream()
          .filter(d -> d.key().equals(ticked.deliverable()) && d.fact() != null)
          .forEach(d -> facts.put(d.fact(), true));
    }
    return facts;
  }
}
