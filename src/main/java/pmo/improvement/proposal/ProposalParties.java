package pmo.improvement.proposal;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import pmo.platform.engine.CaseParties;

/**
 * The people on an improvement proposal, for the four-eyes rules of its tasks: who proposed it (never evaluates or
 * verifies it) and who implemented it (never verifies it).
 */
@Configuration(proxyBeanMethods = false)
class ProposalParties {

  static final String PROPOSER = "proposer";
  static final String IMPLEMENTER = "implementer";

  @Bean
  CaseParties proposalCases(ImprovementRepository proposals) {
    return CaseParties.of(ImprovementProposalProcess.KEY, pi -> proposals.idOfProcess(pi).flatMap(proposals::find),
        Map.of(PROPOSER, Proposal::proposer, IMPLEMENTER, Proposal::implementer));
  }
}
