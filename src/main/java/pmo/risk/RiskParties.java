package pmo.risk;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import pmo.platform.engine.CaseParties;

/** Who raised and who owns a risk, for the four-eyes rules of the decisions on its escalation. */
@Component
class RiskParties implements CaseParties {

  static final String RAISED_BY = "raisedBy";
  static final String OWNER = "owner";

  private final RiskRepository risks;

  RiskParties(RiskRepository risks) {
    this.risks = risks;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(RiskProcess.KEY);
  }

  @Override
  public Set<String> roles() {
    return Set.of(RAISED_BY, OWNER);
  }

  @Override
  public Map<String, String> parties(String processInstanceId) {
    Map<String, String> parties = new HashMap<>();
    risks.idOfProcess(processInstanceId).flatMap(risks::find).ifPresent(risk -> {
      parties.put(RAISED_BY, risk.raisedBy());
      parties.put(OWNER, risk.owner());
    });
    return parties;
  }
}
