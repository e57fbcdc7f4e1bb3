package pmo.platform;

/** The four-eyes rule was broken: someone tried to decide on what they requested or submitted themselves. */
public class SegregationOfDutiesException extends ForbiddenActionException {

  public SegregationOfDutiesException(String message) {
    super(message);
  }
}
