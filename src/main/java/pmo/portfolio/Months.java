package pmo.portfolio;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pmo.platform.InputErrors;

/**
 * Reads staffing lines into FTE per role and month, checking each line: a configured role, months as yyyy-MM, to not
 * before from, at most {@link #MAX_SPAN} months, FTE from 0 to {@link #MAX_FTE} with at most 2 decimals. Errors name
 * the line: {@code <list>[i].<field>}.
 */
final class Months {

  static final int MAX_SPAN = 120;
  static final BigDecimal MAX_FTE = BigDecimal.valueOf(10_000);

  /** A role and a month. */
  record Cell(String role, YearMonth month) {
  }

  private Months() {
  }

  static Map<Cell, BigDecimal> expand(List<StaffingLine> lines, String list, PortfolioSettings settings,
      InputErrors errors) {
    Map<Cell, BigDecimal> cells = new LinkedHashMap<>();
    if (lines == null) {
      errors.add(list, "is required");
      return cells;
    }
    String roles = String.join(", ", settings.roles().stream().map(PortfolioSettings.Role::id).toList());
    for (int i = 0; i < lines.size(); i++) {
      StaffingLine line = lines.get(i);
      String at = list + "[" + i + "].";
      if (line == null) {
        errors.add(list + "[" + i + "]", "is required");
        continue;
      }
      boolean ok = true;
      if (line.role() == null || line.role().isBlank()) {
        errors.add(at + "role", "is required");
        ok = false;
      } else if (settings.role(line.role()).isEmpty()) {
        errors.add(at + "role", "is no role (" + roles + "), not '" + line.role() + "'");
        ok = false;
      }
      YearMonth from = month(line.from(), at + "from", errors, true);
      YearMonth to = line.to() == null || line.to().isBlank() ? from : month(line.to(), at + "to", errors, true);
      if (from != null && to != null) {
        if (to.isBefore(from)) {
          errors.add(at + "to", "must not be before from (" + from + ")");
          ok = false;
        } else if (from.until(to, java.time.temporal.ChronoUnit.MONTHS) >= MAX_SPAN) {
          errors.add(at + "to", "must be within " + MAX_SPAN + " months of from");
          ok = false;
        }
      } else {
        ok = false;
      }
      if (line.fte() == null) {
        errors.add(at + "fte", "is required");
        ok = false;
      } else if (line.fte().signum() < 0 || line.fte().compareTo(MAX_FTE) > 0
          || line.fte().stripTrailingZeros().scale() > 2) {
        errors.add(at + "fte", "must be from 0 to " + MAX_FTE + " with at most 2 decimals, not "
            + line.fte().stripTrailingZeros().toPlainString());
        ok = false;
      }
      if (ok) {
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
          cells.merge(new Cell(line.role(), m), line.fte(), BigDecimal::add);
        }
      }
    }
    return cells;
  }

  /** A month as yyyy-MM, or null with an error on {@code field}. */
  static YearMonth month(String text, String field, InputErrors errors, boolean required) {
    if (text == null || text.isBlank()) {
      if (required) {
        errors.add(field, "is required (yyyy-MM)");
      }
      return null;
    }
    try {
      YearMonth month = YearMonth.parse(text.trim());
      if (month.getYear() < 2000 || month.getYear() > 2200) {
        errors.add(field, "must be a month between 2000 and 2200, not " + text);
        return null;
      }
      return month;
    } catch (DateTimeParseException e) {
      errors.add(field, "must be a month yyyy-MM, not '" + text + "'");
      return null;
    }
  }

  /** 2.50 as 2.5 and 10.00 as 10 (never 1E+1). */
  static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /** Monthly FTE back to lines: consecutive months of one role with the same FTE become one line. */
  static List<StaffingLine> compress(Map<Cell, BigDecimal> cells) {
    List<Map.Entry<Cell, BigDecimal>> sorted = new ArrayList<>(cells.entrySet());
    sorted.sort(Map.Entry.comparingByKey(java.util.Comparator.comparing(Cell::role).thenComparing(Cell::month)));
    List<StaffingLine> lines = new ArrayList<>();
    String role = null;
    YearMonth start = null;
    YearMonth last = null;
    BigDecimal fte = null;
    for (Map.Entry<Cell, BigDecimal> e : sorted) {
      Cell c = e.getKey();
      boolean continues = c.role().equals(role) && c.month().equals(last.plusMonths(1))
          && e.getValue().compareTo(fte) == 0;
      if (!continues) {
        if (role != null) {
          lines.add(new StaffingLine(role, start.toString(), last.toString(), plain(fte)));
        }
        role = c.role();
        start = c.month();
        fte = e.getValue();
      }
      last = c.month();
    }
    if (role != null) {
      lines.add(new StaffingLine(role, start.toString(), last.toString(), plain(fte)));
    }
    return lines;
  }
}
