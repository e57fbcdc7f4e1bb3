package pmo.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import pmo.platform.InputErrors;

/**
 * Tags of lessons: lower case letters, digits and hyphens, 1 to 40 characters, at most {@link #MAX} per lesson. Written
 * as "Vendor management, testing" they become {@code vendor-management} and {@code testing}.
 */
public final class Tags {

  public static final int MAX = 10;
  private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  private Tags() {
  }

  /** Splits comma-separated text into normalised tags (trimmed, lower case, inner spaces as hyphens, no repeats). */
  public static List<String> parse(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    Set<String> tags = new LinkedHashSet<>();
    for (String part : text.split(",")) {
      String tag = normalise(part);
      if (!tag.isEmpty()) {
        tags.add(tag);
      }
    }
    return new ArrayList<>(tags);
  }

  public static String normalise(String tag) {
    return tag == null ? "" : tag.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
  }

  /** Adds a field error for each tag that is not a valid tag, and one if there are more than {@link #MAX}. */
  public static void check(InputErrors errors, String field, List<String> tags) {
    check(errors, field, tags, MAX);
  }

  /** Adds a field error for each tag that is not a valid tag, and one if there are more than {@code max}. */
  public static void check(InputErrors errors, String field, List<String> tags, int max) {
    for (String tag : tags) {
      if (!TAG.matcher(tag).matches()) {
        errors.add(field, "'" + tag + "' is not a tag (letters, digits and '-', at most 40 characters)");
      }
    }
    if (tags.size() > max) {
      errors.add(field, "at most " + max + " tags");
    }
  }
}
