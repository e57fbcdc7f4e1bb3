package pmo.performance;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import pmo.platform.InputErrors;

/**
 * The milestones of a status report, one per line: {@code name | planned yyyy-mm-dd | reached yyyy-mm-dd} or
 * {@code name | planned yyyy-mm-dd | missed}. The on-time rate counts the milestones planned by the status date: those
 * reached on or before their planned date, out of all of them (reached late, missed, or not reached yet).
 */
record Milestones(List<Milestone> items) {

  record Milestone(String name, LocalDate planned, LocalDate reached) {
  }

  /** Parses the field; each bad line is an error on {@code field}, naming the line. */
  static Milestones parse(String text, String field, InputErrors errors) {
    List<Milestone> items = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return new Milestones(items);
    }
    int number = 0;
    for (String line : text.split("\\R")) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.split("\\|", -1);
      if (parts.length != 3 || parts[0].isBlank()) {
        errors.add(field, "line " + number + ": write 'name | planned yyyy-mm-dd | reached yyyy-mm-dd' or "
            + "'name | planned yyyy-mm-dd | missed'");
        continue;
      }
      try {
        LocalDate planned = LocalDate.parse(parts[1].trim());
        String outcome = parts[2].trim();
        LocalDate reached = outcome.equalsIgnoreCase("missed") || outcome.isEmpty() ? null : LocalDate.parse(outcome);
        items.add(new Milestone(parts[0].trim(), planned, reached));
      } catch (DateTimeParseException e) {
        errors.add(field, "line " + number + ": dates are written yyyy-mm-dd ('" + line.trim() + "')");
      }
    }
    return new Milestones(items);
  }

  /** Milestones planned on or before the status date. */
  int due(LocalDate statusDate) {
    return (int) items.stream().filter(m -> !m.planned().isAfter(statusDate)).count();
  }

  /** Of those, the ones reached on or before their planned date. */
  int onTime(LocalDate statusDate) {
    return (int) items.stream().filter(m -> !m.planned().isAfter(statusDate))
        .filter(m -> m.reached() != null && !m.reached().isAfter(m.planned())).count();
  }
}
