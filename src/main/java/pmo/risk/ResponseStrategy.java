package pmo.risk;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import pmo.platform.InputErrors;

/** How the owner responds to a risk; forms use the lower-case names. */
public enum ResponseStrategy {
  AVOID, MITIGATE, TRANSFER, ACCEPT;

  static ResponseStrategy check(InputErrors errors, String field, String value) {
    if (value == null || value.isBlank()) {
      errors.add(field, "is required");
      return null;
    }
    return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(value.trim())).findFirst()
        .orElseGet(() -> {
          errors.add(field, "must be one of " + Arrays.stream(values()).map(s -> s.name().toLowerCase(Locale.ROOT))
              .collect(Collectors.joining(", ")) + ", not '" + value + "'");
          return null;
        });
  }
}
