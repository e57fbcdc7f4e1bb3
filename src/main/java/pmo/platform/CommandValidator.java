package pmo.platform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import org.springframework.stereotype.Component;

/**
 * Checks a command's Bean Validation constraints and returns them as field errors, so a service can add its
 * cross-field checks to the same list and reject the command once, whether it came from REST or from a process.
 */
@Component
public class CommandValidator {

  private final Validator validator;

  public CommandValidator(Validator validator) {
    this.validator = validator;
  }

  public InputErrors check(Object command) {
    InputErrors errors = new InputErrors();
    validator.validate(command).stream()
        .sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString()))
        .forEach(v -> errors.add(v.getPropertyPath().toString(), v.getMessage()));
    return errors;
  }
}
