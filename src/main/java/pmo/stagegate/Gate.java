package pmo.stagegate;

import pmo.platform.Choice;
import pmo.project.Stage;

/** The gates of the standard lifecycle: each closes one stage and, on Go, opens the next. */
public enum Gate implements Choice {
  G1(Stage.INITIATION, Stage.PLANNING, "initiation to planning"),
  G2(Stage.PLANNING, Stage.EXECUTION, "plan approval"),
  G3(Stage.EXECUTION, Stage.CLOSURE, "ready to close");

  /** The stage this gate ends. */
  public final Stage closes;
  /** The stage a Go decision moves the project to. */
  public final Stage opens;
  public final String title;

  Gate(Stage closes, Stage opens, String title) {
    this.closes = closes;
    this.opens = opens;
    this.title = title;
  }

  /** The gate that ends a stage; none for CLOSURE and CLOSED. */
  static java.util.Optional<Gate> closing(Stage stage) {
    return java.util.Arrays.stream(values()).filter(g -> g.closes == stage).findFirst();
  }

  /** As forms and the lifecycle model name a gate: its constant's name. */
  @Override
  public String value() {
    return name();
  }
}
