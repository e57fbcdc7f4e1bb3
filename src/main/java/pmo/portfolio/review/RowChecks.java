package pmo.portfolio.review;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pmo.platform.InputErrors;
import pmo.platform.InvalidInputException;
import pmo.portfolio.Criterion;
import pmo.portfolio.ScoringModel;
import pmo.portfolio.ScoringService;

/**
 * The checks of the cells of the proposal form's rows ({@link ProposalCheck}): references, choices, scores and dates,
 * each error collected under the row's field ({@code projectDecisions[2].reason}) rather than thrown at the first.
 */
final class RowChecks {

  private RowChecks() {
  }

  /** The references of the rows, with errors for unknown or repeated ones. */
  static Set<String> rows(List<Map<String, Object>> rows, String list, Set<String> expected, InputErrors errors) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; rows != null && i < rows.size(); i++) {
      String ref = ReviewForms.text(rows.get(i), "reference");
      if (ref == null || !expected.contains(ref)) {
        errors.add(list + "[" + i + "].reference", "'" + ref + "' is not to be decided in this review");
      } else if (!seen.add(ref)) {
        errors.add(list + "[" + i + "].reference", "'" + ref + "' is decided twice");
      }
    }
    return seen;
  }

  static void missing(Set<String> expected, Set<String> seen, String list, InputErrors errors) {
    expected.stream().filter(ref -> !seen.contains(ref)).sorted()
        .forEach(ref -> errors.add(list, "has no row for " + ref + ": decide on every one"));
  }

  /** New scores of a row as JSON, or null when the row keeps the current ones (or gives none). */
  static String scores(ScoringModel model, Map<String, Object> row, String at, Pack.Ranked current,
      InputErrors errors) {
    Map<String, Object> given = new HashMap<>();
    for (Criterion c : model.criteria()) {
      Object value = row.get(c.field());
      if (value != null && !value.toString().isBlank()) {
        given.put(c.id(), value);
      }
    }
    if (given.isEmpty()) {
      return null;
    }
    try {
      Map<String, Integer> checked = ScoringService.check(model, given, id -> at + ScoringModel.FIELD_PREFIX + id);
      return current != null && checked.equals(current.scores()) ? null : ScoringService.json(checked);
    } catch (InvalidInputException e) {
      e.errors().forEach(f -> errors.add(f.field(), f.reason()));
      return null;
    }
  }

  static <T> T pick(java.util.function.Supplier<T> choice, InputErrors errors) {
    try {
      return choice.get();
    } catch (InvalidInputException e) {
      e.errors().forEach(f -> errors.add(f.field(), f.reason()));
      return null;
    }
  }

  static LocalDate date(String text, String field, InputErrors errors) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      errors.add(field, "must be a date (yyyy-MM-dd)");
      return null;
    }
  }
}
