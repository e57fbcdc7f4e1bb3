package pmo.platform.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds the {@link Tasklist#CONTEXT} text of a task: a heading, labelled lines and a list of earlier decisions, as
 * the Markdown that Camunda Forms' text component renders. Everything a user wrote (titles, comments) is escaped, so a
 * comment cannot pose as a heading, a link or a line of the context. The whole stays within the {@link #MAX}
 * characters a text variable holds: long comments are clipped, and the oldest decisions are left out first (the text
 * says how many).
 */
public final class ContextText {

  /** Longest text the engine stores in a variable (ACT_RU_VARIABLE.TEXT_). */
  public static final int MAX = 4000;
  /** Longest comment quoted in one decision. */
  static final int MAX_COMMENT = 600;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final List<String> lines = new ArrayList<>();
  private final List<Entry> decisions = new ArrayList<>();

  /** A heading (plain text, escaped). */
  public ContextText heading(String text) {
    lines.add("#### " + escape(text));
    return this;
  }

  /** A labelled line: the label as written here (bold), the value escaped; a null or blank value is left out. */
  public ContextText line(String label, String value) {
    if (value != null && !value.isBlank()) {
      lines.add("**" + label + ":** " + escape(value));
    }
    return this;
  }

  /**
   * One earlier decision or statement: when, what (e.g. "PMO approval: approve"), who, and their comment. They are
   * shown newest first (those of one time, or without one, in the reverse order of adding).
   */
  public ContextText decision(OffsetDateTime when, String what, String who, String comment) {
    StringBuilder item = new StringBuilder("- ");
    if (when != null) {
      item.append(when.atZoneSameInstant(ZoneId.systemDefault()).format(WHEN)).append(" · ");
    }
    item.append("**").append(escape(what)).append("**");
    if (who != null) {
      item.append(" by ").append(escape(who));
    }
    if (comment != null && !comment.isBlank()) {
      item.append(": “").append(escape(clip(comment.strip(), MAX_COMMENT))).append("”");
    }
    decisions.add(new Entry(when, item.toString()));
    return this;
  }

  /** The Markdown, at most {@link #MAX} characters: the lines, then the decisions newest first as far as they fit. */
  public String text() {
    StringBuilder text = new StringBuilder(clip(String.join("\n", lines), MAX - 200));
    if (decisions.isEmpty()) {
      return text.toString();
    }
    text.append("\n\n**Earlier decisions and comments** (newest first):\n\n");
    List<Entry> oldestFirst = new ArrayList<>(decisions);
    oldestFirst.sort(Comparator.comparing(Entry::when, Comparator.nullsFirst(Comparator.naturalOrder())));
    int shown = 0;
    for (int i = oldestFirst.size() - 1; i >= 0; i--) {
      String item = oldestFirst.get(i).text() + "\n";
      if (text.length() + item.length() > MAX - 60) {
        break;
      }
      text.append(item);
      shown++;
    }
    int left = decisions.size() - shown;
    if (left > 0) {
      text.append("- … ").append(left).append(left == 1 ? " earlier entry" : " earlier entries")
          .append(" not shown (the case's history lists all)\n");
    }
    return text.toString().stripTrailing();
  }

  /** A percentage with its sign and a % sign: {@code +8.25 %}; null stays null. */
  public static String percent(BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal rounded = value.setScale(2, RoundingMode.HALF_UP);
    return (rounded.signum() > 0 ? "+" : "") + rounded.toPlainString() + " %";
  }

  /** A stored name in words: {@code BOARD_AND_STEERING} → {@code Board and steering}; null stays null. */
  public static String word(String name) {
    if (name == null || name.isEmpty()) {
      return name;
    }
    String lower = name.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  /** Text with Markdown's and HTML's special characters escaped and line breaks as spaces. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      if (c == '\n' || c == '\r' || c == '\t') {
        out.append(' ');
      } else if ("\\`*_{}[]()<>#+-.!|~&".indexOf(c) >= 0) {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private record Entry(OffsetDateTime when, String text) {
  }

  static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
