package pmo.portfolio;

import java.math.BigDecimal;
import java.util.List;

/**
 * Demand (allocations of active projects) against capacity per role and month; a month over capacity is flagged with
 * the projects allocated to that role in that month, largest first. {@code overAllocations} repeats the flagged cells.
 */
public record CapacityReport(String from, String to, List<RoleRow> roles, List<Cell> overAllocations) {

  public record RoleRow(String role, String name, List<Cell> months) {
  }

  /** One role in one month; {@code utilisation} is demand / capacity (null for no capacity). */
  public record Cell(String role, String month, BigDecimal capacity, BigDecimal demand, BigDecimal free,
      BigDecimal utilisation, boolean overAllocated, List<Cause> causes) {
  }

  /** A project allocated to the role in the month. */
  public record Cause(String reference, String name, BigDecimal fte) {
  }
}
