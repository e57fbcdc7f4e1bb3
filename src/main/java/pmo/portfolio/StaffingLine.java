package pmo.portfolio;

import java.math.BigDecimal;

/**
 * One line of a staffing plan or a capacity entry: a role, the months from and to (yyyy-MM, inclusive; {@code to}
 * empty means the single month {@code from}) and the FTE in each of those months. The gate package's staffing table and
 * the REST API submit these.
 */
public record StaffingLine(String role, String from, String to, BigDecimal fte) {
}
