package pmo.platform.identity;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;

/** The role groups exist as soon as the engine is built, before the start-up deployment, whose guard checks groups. */
@Component
class RoleGroupsPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityBootstrap.ensureGroups(engine.getIdentityService());
  }
}
