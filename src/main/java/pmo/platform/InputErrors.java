package pmo.platform;

import java.util.ArrayList;
import java.util.List;

/** Collects field errors while a service checks a command; {@link #throwIfAny()} rejects the command as a whole. */
public final class InputErrors {

  private final List<FieldError> errors = new ArrayList<>();

  public InputErrors add(String field, String reason) {
    errors.add(new FieldError(field, reason));
    return this;
  }

  public InputErrors require(boolean condition, String field, String reason) {
    if (!condition) {
      add(field, reason);
    }
    return this;
  }

  public InputErrors requireText(String value, String field, int maxLength) {
    if (value == null || value.isBlank()) {
      add(field, "is required");
    } else if (value.length() > maxLength) {
      add(field, "must be at most " + maxLength + " characters");
    }
    return this;
  }

  public boolean has(String field) {
    return errors.stream().anyMatch(e -> e.field().equals(field));
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
