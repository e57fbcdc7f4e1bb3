package pmo.platform;

/**
 * A constant of a closed set of choices (a decision, a type, a route) with the one value that forms submit, models
 * compare with (gateways, decision tables) and process variables hold. Enums implement it; {@link Choices} reads a
 * submitted value into its constant, once, at the boundary.
 */
public interface Choice {

  /** The value forms submit and models compare with. */
  String value();
}
