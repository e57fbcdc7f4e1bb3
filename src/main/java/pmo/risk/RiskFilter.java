package pmo.risk;

/**
 * Optional filters of the risk list; null means any. {@code overdue}: true lists the open risks whose due date has
 * passed, false the others.
 */
public record RiskFilter(Long projectId, RiskLevel level, RiskStatus status, String owner, String category,
    Boolean overdue) {
}
