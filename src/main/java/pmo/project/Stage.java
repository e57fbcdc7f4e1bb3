package pmo.project;

/** The standard lifecycle stages (stage-gate); CLOSED once closure is done. */
public enum Stage {
  INITIATION, PLANNING, EXECUTION, CLOSURE, CLOSED
}
