package pmo.platform.engine;

/** Conventions every process follows so Camunda Tasklist shows its tasks well. */
public final class Tasklist {

  /**
   * A one-line description of the case (for example "Proposal: Supplier portal"), set by each process as soon as it
   * knows it; the Tasklist filters show it on every task card, so a user can tell two "Screen proposal" tasks apart.
   */
  public static final Var<String> SUBJECT = Var.text("subject");

  /**
   * What the person working a task needs to know about its case (project, baseline, figures with units, route, earlier
   * decisions), as Markdown; set on the task (task-local) when it is created, from the stored case by the process's
   * {@link CaseContexts}. A form shows it with a text component {@code {{caseContext}}}; it is no input field, so
   * completing a task with it is refused ({@code FormContract}).
   */
  public static final Var<String> CONTEXT = Var.text("caseContext");

  private Tasklist() {
  }
}
