package pmo;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Test only: every process instance of the whole test suite starts with forged case ids in its variables, as an
 * attacker (or a leftover of an earlier model version) would put them there: the id variables the steps once read
 * ({@code changeRequestId}, {@code riskId}, ...) pointing at a record that does not exist. A step that still read one
 * would fail with "not found" or act on the wrong case; every process test of the suite runs with them in place and
 * checks the rows of its own case, so together they show that every step ignores them (issue 9: "every delegate
 * ignores a forged id variable"). {@link ForgedIdVariablesTest} checks that they are really there.
 */
@Component
class ForgedIdVariables extends AbstractProcessEnginePlugin {

  /** The id variables the steps read before the case was found by the process instance. */
  static final List<String> NAMES = List.of("changeRequestId", "riskId", "issueId", "proposalId", "gatePackageId",
      "packageId", "caseId");
  /** An id no record has. */
  static final long FORGED = 987_654_321L;

  private static final ExecutionListener FORGE =
      execution -> NAMES.forEach(name -> execution.setVariable(name, FORGED));

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, FORGE);
      }
    });
  }
}
