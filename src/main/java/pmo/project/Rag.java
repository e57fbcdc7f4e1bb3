package pmo.project;

/** Red / amber / green status. */
public enum Rag {
  GREEN, AMBER, RED
}
