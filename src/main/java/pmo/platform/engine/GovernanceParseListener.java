package pmo.platform.engine;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Attaches the governance listeners to every process the engine deploys, whoever modelled it. */
final class GovernanceParseListener extends AbstractBpmnParseListener {

  private final GovernanceTaskListener taskListener;
  private final StartFormListener startFormListener;

  GovernanceParseListener(EngineAudit audit, DeployedForms forms, CaseRegistry cases) {
    this.taskListener = new GovernanceTaskListener(audit, forms, cases);
    this.startFormListener = new StartFormListener(forms);
  }

  @Override
  public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
    definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, taskListener);
    definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, taskListener);
    definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, taskListener);
  }

  @Override
  public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
    boolean processStart = scope.getProcessDefinition() == scope;
    if (processStart && element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef") != null) {
      activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, startFormListener);
    }
  }
}
