package pmo.improvement.proposal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import pmo.platform.engine.CaseParties;

/**
 * The people on an improvement proposal, for the four-eyes rules of its tasks: who proposed it (never evaluates or
 * verifies it) and who implemented it (never verifies it).
 */
@Component
class ProposalParties implements CaseParties {

  static final String PROPOSER = "proposer";
  static final String IMPLEMENTER = "implementer";

  private final ImprovementRepository proposals;

  ProposalParties(ImprovementRepository proposals) {
    this.proposals = proposals;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(ImprovementProposalProcess.KEY);
  }

  @Override
  public Set<String> roles() {
    return Set.of(PROPOSER, IMPLEMENTER);
  }

  @Override
  public Map<String, String> parties(String processInstanceId) {
    Map<String, String> parties = new HashMap<>();
    proposals.idOfProcess(processInstanceId).flatMap(proposals::find).ifPresent(p -> {
      parties.put(PROPOSER, p.proposer());
      if (p.implementer() != null) {
        parties.put(IMPLEMENTER, p.implementer());
      }
    });
    return parties;
  }
}
