package pmo.risk;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import pmo.platform.engine.CaseParties;

/** Who raised and who owns a risk, for the four-eyes rules of the decisions on its escalation. */
@Configuration(proxyBeanMethods = false)
class RiskParties {

  static final String RAISED_BY = "raisedBy";
  static final String OWNER = "owner";

  @Bean
  CaseParties riskCases(RiskRepository risks) {
    return CaseParties.of(RiskProcess.KEY, pi -> risks.idOfProcess(pi).flatMap(risks::find),
        Map.of(RAISED_BY, Risk::raisedBy, OWNER, Risk::owner));
  }
}
