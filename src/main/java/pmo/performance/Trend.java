package pmo.performance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The trend flag of a report: SPI(t) or CPI fell three reports in a row, that is the new value is below the previous
 * report's, which is below the one before, which is below the one before that (four reports, three falls).
 */
final class Trend {

  private Trend() {
  }

  /** {@code previous} newest first. */
  static boolean fellThreeTimes(List<StatusReport> previous, BigDecimal spiT) {
    return fell(previous, spiT, StatusReport::spiT);
  }

  static boolean fellThreeTimesCpi(List<StatusReport> previous, BigDecimal cpi) {
    return fell(previous, cpi, StatusReport::cpi);
  }

  private static boolean fell(List<StatusReport> previous, BigDecimal latest,
      Function<StatusReport, BigDecimal> value) {
    List<BigDecimal> series = new ArrayList<>();
    series.add(latest);
    previous.stream().limit(3).forEach(r -> series.add(value.apply(r)));
    return fellThreeTimes(series);
  }

  /** {@code newestFirst}: at least four values, each below the next older one. */
  static boolean fellThreeTimes(List<BigDecimal> newestFirst) {
    if (newestFirst.size() < 4 || newestFirst.stream().limit(4).anyMatch(v -> v == null)) {
      return false;
    }
    for (int i = 0; i < 3; i++) {
      if (newestFirst.get(i).compareTo(newestFirst.get(i + 1)) >= 0) {
        return false;
      }
    }
    return true;
  }
}
