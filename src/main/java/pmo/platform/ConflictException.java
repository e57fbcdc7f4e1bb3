package pmo.platform;

/** A state conflict or a lost race (REST: 409): the request was valid but the record moved on. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
