package pmo.platform;

/** One rejected input: the field (form key or JSON property) and why it was rejected. */
public record FieldError(String field, String reason) {

  @Override
  public String toString() {
    return field + ": " + reason;
  }
}
