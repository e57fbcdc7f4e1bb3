package pmo.platform;

/** A record that does not exist (REST: 404). */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String entity, Object id) {
    super(entity + " " + id + " does not exist");
  }

  /** A record the reader may not see is, for them, not there (its existence is not given away either). */
  public static NotFoundException notVisible(String entity, Object id) {
    return new NotFoundException(entity + " " + id + " does not exist or is not yours to see", true);
  }

  private NotFoundException(String message, boolean whole) {
    super(message);
  }
}
