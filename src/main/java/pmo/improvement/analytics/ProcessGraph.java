package pmo.improvement.analytics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;

/**
 * What analytics needs to know of one process definition's model: its flow nodes (type, name, the host of a boundary
 * event, whether a boundary event is a timer), its sequence flows, and which service tasks are reminder or escalation
 * steps ({@code ${escalateCase}}: a literal {@code escalationLevel} of 0 is a reminder, any other level an escalation).
 */
final class ProcessGraph {

  static final String ESCALATION_STEP = "${escalateCase}";

  /** A flow node: id, BPMN type, name; {@code attachedTo} the host of a boundary event. */
  record Node(String id, String type, String name, String attachedTo, boolean timer) {
  }

  record Flow(String id, String sourceId, String targetId, String name) {
  }

  /** What an escalation step sends. */
  enum Step {
    REMINDER, ESCALATION
  }

  private final Map<String, Node> nodes;
  private final Map<String, Flow> flows;
  private final Map<String, List<Flow>> incoming = new HashMap<>();
  private final Map<String, Step> steps;

  ProcessGraph(Collection<Node> nodes, Collection<Flow> flows, Map<String, Step> steps) {
    this.nodes = new LinkedHashMap<>();
    nodes.forEach(n -> this.nodes.put(n.id(), n));
    this.flows = new LinkedHashMap<>();
    flows.forEach(f -> {
      this.flows.put(f.id(), f);
      incoming.computeIfAbsent(f.targetId(), t -> new ArrayList<>()).add(f);
    });
    this.steps = Map.copyOf(steps);
  }

  /** Reads the graph of a model as deployed. */
  static ProcessGraph of(BpmnModelInstance model) {
    List<Node> nodes = new ArrayList<>();
    Map<String, Step> steps = new HashMap<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      String attachedTo = null;
      boolean timer = false;
      if (node instanceof BoundaryEvent boundary) {
        attachedTo = boundary.getAttachedTo() == null ? null : boundary.getAttachedTo().getId();
        timer = boundary.getEventDefinitions().stream().anyMatch(d -> d instanceof TimerEventDefinition);
      }
      nodes.add(new Node(node.getId(), node.getElementType().getTypeName(), node.getName(), attachedTo, timer));
      if (node instanceof ServiceTask task && ESCALATION_STEP.equals(task.getCamundaDelegateExpression())) {
        steps.put(node.getId(), "0".equals(inputParameter(task, "escalationLevel")) ? Step.REMINDER
            : Step.ESCALATION);
      }
    }
    List<Flow> flows = model.getModelElementsByType(SequenceFlow.class).stream()
        .map(f -> new Flow(f.getId(), f.getSource().getId(), f.getTarget().getId(), f.getName())).toList();
    return new ProcessGraph(nodes, flows, steps);
  }

  private static String inputParameter(ServiceTask task, String name) {
    if (task.getExtensionElements() == null) {
      return null;
    }
    return task.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list().stream()
        .flatMap(io -> io.getCamundaInputParameters().stream())
        .filter(p -> name.equals(p.getCamundaName()))
        .map(CamundaInputParameter::getTextContent)
        .map(String::trim)
        .findFirst().orElse(null);
  }

  Collection<Node> nodes() {
    return nodes.values();
  }

  Collection<Flow> flows() {
    return flows.values();
  }

  Node node(String id) {
    return nodes.get(id);
  }

  List<Flow> incoming(String nodeId) {
    return incoming.getOrDefault(nodeId, List.of());
  }

  /** Whether the node is a reminder or escalation step, and which; null for any other node. */
  Step step(String nodeId) {
    return steps.get(nodeId);
  }
}
