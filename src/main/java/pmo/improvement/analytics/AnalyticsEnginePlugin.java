package pmo.improvement.analytics;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Queues every process instance's start and end for the analytics indexer (the starter picks up plugin beans): a
 * built-in listener on the start and end of every process the engine deploys, whoever modelled it, so no model can
 * leave it out and no deployment can switch it off. The queue row is written in the transaction of the start or end,
 * so it exists exactly when the history it points to does; two small inserts per instance are all it costs a process.
 */
@Component
class AnalyticsEnginePlugin extends AbstractProcessEnginePlugin {

  static final String START = "START";
  static final String END = "END";

  private final ObjectProvider<AnalyticsStore> store;
  private final ObjectProvider<Clock> clock;

  /** The store and clock are looked up when first used: the engine is built before them. */
  AnalyticsEnginePlugin(ObjectProvider<AnalyticsStore> store, ObjectProvider<Clock> clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    ExecutionListener started = execution -> queue(execution.getProcessInstanceId(), START);
    ExecutionListener ended = execution -> queue(execution.getProcessInstanceId(), END);
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element element, ProcessDefinitionEntity process) {
        process.addBuiltInListener(ExecutionListener.EVENTNAME_START, started);
        process.addBuiltInListener(ExecutionListener.EVENTNAME_END, ended);
      }
    });
  }

  private void queue(String processInstanceId, String event) {
    store.getObject().enqueue(processInstanceId, event, OffsetDateTime.now(clock.getObject()));
  }
}
