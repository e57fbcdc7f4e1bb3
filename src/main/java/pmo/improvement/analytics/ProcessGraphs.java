package pmo.improvement.analytics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.stereotype.Component;
import pmo.platform.engine.SystemActions;

/**
 * The graph of each process definition, read once: a deployed definition never changes (a changed model is a new
 * version with a new id). Read as the system: analytics shows every process to those who may read analytics.
 */
@Component
class ProcessGraphs {

  private final RepositoryService repository;
  private final SystemActions system;
  private final Map<String, ProcessGraph> graphs = new ConcurrentHashMap<>();

  ProcessGraphs(RepositoryService repository, SystemActions system) {
    this.repository = repository;
    this.system = system;
  }

  ProcessGraph of(String definitionId) {
    return graphs.computeIfAbsent(definitionId, id -> ProcessGraph.of(model(id)));
  }

  BpmnModelInstance model(String definitionId) {
    return system.call(() -> repository.getBpmnModelInstance(definitionId));
  }
}
