package pmo.improvement.training;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import pmo.platform.InvalidInputException;

/**
 * Reads a CSV upload of completions: a header naming the columns {@code person}, {@code courseId} (or
 * {@code course}) and {@code completedOn} (or {@code date}), in any order, then one completion per line; blank lines
 * are skipped. Each line keeps its number in the file (the header is line 1) for the answer to name it.
 */
final class TrainingCsv {

  /** At most this many lines in one upload. */
  static final int MAX_LINES = 10_000;

  record Line(long number, NewCompletion completion) {
  }

  private TrainingCsv() {
  }

  static List<Line> parse(String text) {
    if (text == null || text.isBlank()) {
      throw InvalidInputException.of("file", "is empty: expected a header person,courseId,completedOn and one line"
          + " per completion");
    }
    try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
        .setIgnoreEmptyLines(true).setTrim(true).get().parse(new StringReader(text.strip()))) {
      Map<String, Integer> header = parser.getHeaderMap();
      String person = column(header, "person");
      String course = column(header, "courseid", "course");
      String date = column(header, "completedon", "date");
      if (person == null || course == null || date == null) {
        throw InvalidInputException.of("file", "the header must name the columns person, courseId and"
            + " completedOn, not " + header.keySet());
      }
      List<Line> lines = new ArrayList<>();
      for (CSVRecord record : parser) {
        if (lines.size() >= MAX_LINES) {
          throw InvalidInputException.of("file", "has more than " + MAX_LINES + " lines: split it");
        }
        lines.add(new Line(parser.getCurrentLineNumber(), new NewCompletion(value(record, person),
            value(record, course), value(record, date))));
      }
      return lines;
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      throw InvalidInputException.of("file", "is not readable as CSV: " + e.getMessage());
    }
  }

  private static String column(Map<String, Integer> header, String... names) {
    for (String column : header.keySet()) {
      String plain = column.trim().toLowerCase(Locale.ROOT);
      for (String name : names) {
        if (plain.equals(name)) {
          return column;
        }
      }
    }
    return null;
  }

  private static String value(CSVRecord record, String column) {
    return record.isSet(column) ? record.get(column) : null;
  }
}
