package pmo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The examples of README.md as a reader copies them: every command of a fenced code block whose first line starts with
 * {@code curl}, joined over its continuation lines (a line ending in a backslash, or a quote left open), with the
 * status the README promises for it, and every {@code http://localhost:8080/...} address.
 *
 * <p>The README's convention (written in its section "The REST API"): an example answers 200 unless the comment after
 * it, on its own line or on the comment line right below, starts with another status code ({@code # 201},
 * {@code # 400 {...}}).
 */
final class ReadmeExamples {

  /** One curl example: the README line it starts on, the command without its trailing comment, the promised status. */
  record Example(int line, String command, int expectedStatus) {
  }

  /** One address of the README, with the line it is first named on. */
  record Address(int line, String url) {
  }

  private static final Pattern STATUS = Pattern.compile("^#\\s*(?:→\\s*)?([1-5]\\d\\d)\\b");
  private static final Pattern ADDRESS = Pattern.compile("http://localhost:8080(/[^\\s`)|\"'<>]*)?");

  private ReadmeExamples() {
  }

  static List<Example> examples(String readme) {
    List<Example> examples = new ArrayList<>();
    String[] lines = readme.split("\n", -1);
    boolean inBlock = false;
    for (int i = 0; i < lines.length; i++) {
      String trimmed = lines[i].trim();
      if (trimmed.startsWith("```")) {
        inBlock = !inBlock;
        continue;
      }
      if (!inBlock || !trimmed.startsWith("curl ")) {
        continue;
      }
      int first = i;
      StringBuilder command = new StringBuilder(trimmed);
      while (continues(command) && i + 1 < lines.length) {
        if (command.charAt(command.length() - 1) == '\\') {
          command.setLength(command.length() - 1);
          command.append(' ').append(lines[++i].trim());
        } else {
          command.append('\n').append(lines[++i]);
        }
      }
      Split split = split(command.toString());
      String comment = split.comment();
      if (comment.isEmpty() && i + 1 < lines.length && lines[i + 1].trim().startsWith("#")) {
        comment = lines[i + 1].trim();
      }
      Matcher status = STATUS.matcher(comment);
      examples.add(new Example(first + 1, split.command().strip(),
          status.find() ? Integer.parseInt(status.group(1)) : 200));
    }
    return examples;
  }

  static List<Address> addresses(String readme) {
    List<Address> addresses = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String[] lines = readme.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = ADDRESS.matcher(lines[i]);
      while (m.find()) {
        if (m.group().endsWith("...")) {
          continue; // "http://localhost:8080/..." in prose: any address, not one to request
        }
        String url = m.group().replaceAll("[.,;:]+$", "");
        if (seen.add(url)) {
          addresses.add(new Address(i + 1, url));
        }
      }
    }
    return addresses;
  }

  /** Whether the command goes on on the next line: a trailing backslash, or a quote still open. */
  private static boolean continues(CharSequence command) {
    if (command.charAt(command.length() - 1) == '\\') {
      return true;
    }
    return split(command.toString()).openQuote();
  }

  private record Split(String command, String comment, boolean openQuote) {
  }

  /** The command and its trailing shell comment ({@code #} after a blank, outside quotes), as bash reads them. */
  private static Split split(String text) {
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '#' && i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
        return new Split(text.substring(0, i), text.substring(i).trim(), false);
      }
    }
    return new Split(text, "", quote != 0);
  }
}
