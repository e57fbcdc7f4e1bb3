package pmo.platform;

/** A record that does not exist (REST: 404). */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String entity, Object id) {
    super(entity + " " + id + " does not exist");
  }
}
