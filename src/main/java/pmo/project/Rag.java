package pmo.project;

import pmo.platform.Choice;

/**
 * Red / amber / green status. Forms (the gate package, the status report) and models use the lower-case names;
 * the database and the API keep the constant's name.
 */
public enum Rag implements Choice {
  GREEN, AMBER, RED;
}
