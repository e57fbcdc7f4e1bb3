package pmo.platform;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Bad input, named field by field. Thrown by feature services before anything is written; REST answers it with 400
 * problem details, and in a process step it rolls the step back so Tasklist shows the message.
 */
public class InvalidInputException extends RuntimeException {

  private final transient List<FieldError> errors;

  public InvalidInputException(List<FieldError> errors) {
    super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public static InvalidInputException of(String field, String reason) {
    return new InvalidInputException(List.of(new FieldError(field, reason)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
