package pmo.platform;

import java.util.Locale;

/**
 * A constant of a closed set of choices (a decision, a type, a route) with the one value that forms submit, models
 * compare with (gateways, decision tables) and process variables hold. Enums implement it; {@link Choices} reads a
 * submitted value into its constant, once, at the boundary. The database stores the constant's name.
 */
public interface Choice {

  /**
   * The value forms submit and models compare with: by default the constant's name in lower camel case
   * ({@code APPROVE} → {@code approve}, {@code MORE_INFO} → {@code moreInfo}); a set whose values a decision table
   * writes, or that an older model spells otherwise, overrides it.
   */
  default String value() {
    String[] words = ((Enum<?>) this).name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder value = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      value.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return value.toString();
  }
}
