package pmo.platform;

import java.util.List;

/**
 * A state conflict or a lost race (REST: 409): the request was valid but the record moved on, or a value that must be
 * unique (a project code) is taken; then the field is named, as for bad input.
 */
public class ConflictException extends RuntimeException {

  private final transient List<FieldError> errors;

  public ConflictException(String message) {
    super(message);
    this.errors = List.of();
  }

  public ConflictException(List<FieldError> errors) {
    super(errors.stream().map(FieldError::toString).collect(java.util.stream.Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  /** A value of {@code field} that must be unique is taken. */
  public static ConflictException taken(String field, String reason) {
    return new ConflictException(List.of(new FieldError(field, reason)));
  }

  /** The fields in conflict; empty when the conflict is with the record as a whole. */
  public List<FieldError> errors() {
    return errors == null ? List.of() : errors;
  }
}
