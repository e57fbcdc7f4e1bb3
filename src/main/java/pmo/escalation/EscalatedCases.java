package pmo.escalation;

import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The cases of some processes, as the escalation step sees them. Each capability whose process escalates (risk,
 * issue, change) implements it for its process keys; {@link EscalationService#escalate} calls it in the step's
 * transaction: first {@link #lock}, then it writes the record, its audit event and notices, then {@link #escalated}.
 */
public interface EscalatedCases {

  /** The keys of the process definitions whose escalation steps this serves. */
  Set<String> processKeys();

  /**
   * Locks the case that the process instance runs (the case before its escalation records: RowLocks' order), checks
   * that it may escalate as the step says (a finished case is a conflict, a trigger or level the case does not know a
   * modelling error) and says why. Empty when there is nothing to escalate any more (the wait is over).
   * {@code variables} are the step's, for what the case's own forms gave (such as the PMO's comment).
   */
  Optional<EscalatedCase> lock(String processInstanceId, EscalationStep step, VariableScope variables);

  /** The case's own change once the record is written, with its audit event: for example status ESCALATED. */
  void escalated(EscalatedCase escalatedCase, Escalation escalation);
}
