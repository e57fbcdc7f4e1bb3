package pmo.platform.engine;

/** Conventions every process follows so Camunda Tasklist shows its tasks well. */
public final class Tasklist {

  /**
   * A one-line description of the case (for example "Proposal: Supplier portal"), set by each process as soon as it
   * knows it; the Tasklist filters show it on every task card, so a user can tell two "Screen proposal" tasks apart.
   */
  public static final Var<String> SUBJECT = Var.text("subject");

  private Tasklist() {
  }
}
