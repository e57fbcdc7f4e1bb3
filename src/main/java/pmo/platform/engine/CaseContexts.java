package pmo.platform.engine;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What a person deciding on a case needs to see beside the form's own fields (issue 10: "context in every decision
 * form"): the case's project, its baseline, the request's figures with their units, the route, earlier decisions and
 * comments. Each capability implements it for its processes and reads it from the stored case (never from process
 * variables, which a starter could have forged); the governance task listener puts it on every user task when the task
 * is created, as the task-local text variable {@link Tasklist#CONTEXT}, which the forms show read-only.
 */
public interface CaseContexts {

  /** The keys of the process definitions whose cases this describes. */
  Set<String> processKeys();

  /**
   * The context of the case the task's process instance runs, for the task being created (Markdown, at most
   * {@link ContextText#MAX} characters; {@link ContextText} builds it); {@code null} when there is nothing to show yet.
   * Find the case by the task's process instance (or its business key, which only administrators can change).
   */
  String describe(DelegateTask task);
}
