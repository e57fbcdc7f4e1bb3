package pmo.platform.engine;

import java.util.Set;

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
   * The context of the case this process instance runs, for the task about to be created (Markdown, at most
   * {@link ContextText#MAX} characters; {@link ContextText} builds it); {@code null} when there is nothing to show yet.
   */
  String describe(String processInstanceId, String taskDefinitionKey);
}
