package pmo.intake;

import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import pmo.platform.engine.CaseParties;

/** Who proposed a project, for the four-eyes rules of screening and sponsor approval. */
@Component
class IntakeParties implements CaseParties {

  static final String REQUESTER = "requester";

  private final ProposalRepository proposals;

  IntakeParties(ProposalRepository proposals) {
    this.proposals = proposals;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(IntakeProcess.KEY);
  }

  @Override
  public Set<String> roles() {
    return Set.of(REQUESTER);
  }

  @Override
  public Map<String, String> parties(String processInstanceId) {
    return proposals.findByProcessInstance(processInstanceId).map(p -> Map.of(REQUESTER, p.requester()))
        .orElse(Map.of());
  }
}
