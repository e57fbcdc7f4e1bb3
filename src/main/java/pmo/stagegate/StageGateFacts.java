package pmo.stagegate;

import java.math.BigDecimal;
import org.springframework.stereotype.Component;
import pmo.project.ProjectFactSource;
import pmo.project.ProjectFacts;
import pmo.project.ProjectService;

/**
 * The stage-gate capability's facts about a project: whether a budget baseline is set (the current baseline has a
 * budget above 0), and the deliverable facts ticked in the latest package of their gate ({@code charterApproved},
 * {@code acceptanceSigned}; false until ticked).
 */
@Component
class StageGateFacts implements ProjectFactSource {

  static final String CHARTER_APPROVED = "charterApproved";
  static final String ACCEPTANCE_SIGNED = "acceptanceSigned";

  private final ProjectService projects;
  private final GateRepository gates;
  private final StageGateSettings settings;

  StageGateFacts(ProjectService projects, GateRepository gates, StageGateSettings settings) {
    this.projects = projects;
    this.gates = gates;
    this.settings = settings;
  }

  @Override
  public ProjectFacts addTo(ProjectFacts facts, long projectId) {

    boolean charter = false;
    boolean acceptance = false;
    for (GateRepository.Ticked ticked : gates.deliveredInLatestPackages(projectId)) {
      for (StageGateSettings.Deliverable d : settings.deliverables(ticked.gate())) {
        if (d.key().equals(ticked.deliverable())) {
          charter |= CHARTER_APPROVED.equals(d.fact());
          acceptance |= ACCEPTANCE_SIGNED.equals(d.fact());
        }
      }
    }
    BigDecimal budget = projects.currentBaseline(projectId).budgetAtCompletion();
    return facts.withBaselineSet(budget.compareTo(BigDecimal.ZERO) > 0)
        .withDeliverables(charter, acceptance);
  }
}
