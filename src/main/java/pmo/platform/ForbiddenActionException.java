package pmo.platform;

/** An action the current user may not take, such as approving their own request (REST: 403). */
public class ForbiddenActionException extends RuntimeException {

  public ForbiddenActionException(String message) {
    super(message);
  }
}
