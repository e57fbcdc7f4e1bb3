package pmo.intake;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import pmo.platform.engine.CaseParties;

/** Who proposed a project, for the four-eyes rules of screening and sponsor approval. */
@Configuration(proxyBeanMethods = false)
class IntakeParties {

  static final String REQUESTER = "requester";

  @Bean
  CaseParties intakeCases(ProposalRepository proposals) {
    return CaseParties.of(IntakeProcess.KEY, proposals::findByProcessInstance,
        Map.of(REQUESTER, Proposal::requester));
  }
}
