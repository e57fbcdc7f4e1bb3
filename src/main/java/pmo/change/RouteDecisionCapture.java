package pmo.change;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Notes which decision definition (key and version) the routing business rule task evaluated, as transient process
 * variables beside the route (the next step, in the same transaction, writes them to the request row), so the change
 * request row records exactly the table that chose its route, even when a process owner deploys a new version of the
 * table at the same moment. (The platform's engine plugin registers every decision listener bean with the DMN engine.)
 */
@Component
final class RouteDecisionCapture implements DmnDecisionEvaluationListener {

  @Override
  public void notify(DmnDecisionEvaluationEvent event) {
    DmnDecision decision = event.getDecisionResult().getDecision();
    BpmnExecutionContext context = Context.getBpmnExecutionContext();
    if (!ChangeRequestProcess.ROUTE_DECISION.equals(decision.getKey())
        || !(decision instanceof DecisionDefinition definition) || context == null
        || context.getExecution() == null) {
      return;
    }
    // for the "Record route" step that follows in the same transaction, which writes them to the request row
    ChangeRequestProcess.ROUTE_DECISION_KEY.setTransient(context.getExecution(), definition.getKey());
    ChangeRequestProcess.ROUTE_DECISION_VERSION.setTransient(context.getExecution(), definition.getVersion());
  }
}
