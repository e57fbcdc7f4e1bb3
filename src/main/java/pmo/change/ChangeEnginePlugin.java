package pmo.change;

import java.util.ArrayList;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Registers {@link RouteDecisionCapture} with the engine's DMN engine (the starter picks up plugin beans). */
@Component
class ChangeEnginePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn == null) {
      dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      configuration.setDmnEngineConfiguration(dmn);
    }
    if (dmn.getCustomPostDecisionEvaluationListeners() == null) {
      dmn.setCustomPostDecisionEvaluationListeners(new ArrayList<>());
    }
    dmn.getCustomPostDecisionEvaluationListeners().add(new RouteDecisionCapture());
  }
}
