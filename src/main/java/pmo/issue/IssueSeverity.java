package pmo.issue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import pmo.platform.InputErrors;

/** How bad an issue is; sets its SLA (pmo.issue.sla.*). Forms use the lower-case names. */
public enum IssueSeverity {
  LOW, MEDIUM, HIGH, CRITICAL;

  /** The form value ({@code low}, {@code high} ...); the REST API accepts either case. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static IssueSeverity of(String value, String field) {
    InputErrors errors = new InputErrors();
    IssueSeverity severity = check(errors, field, value);
    errors.throwIfAny();
    return severity;
  }

  /** The severity named by {@code value}, or null with a field error. */
  public static IssueSeverity check(InputErrors errors, String field, String value) {
    if (value == null || value.isBlank()) {
      errors.add(field, "is required");
      return null;
    }
    return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(value.trim())).findFirst()
        .orElseGet(() -> {
          errors.add(field, "must be one of "
              + Arrays.stream(values()).map(IssueSeverity::value).collect(Collectors.joining(", "))
              + ", not '" + value + "'");
          return null;
        });
  }
}
