package pmo.risk;

/**
 * The 5×5 risk matrix: {@code counts[probability - 1][impact - 1]} open, assessed risks, for one project
 * ({@code projectId}) or the whole portfolio (null).
 */
public record HeatMap(Long projectId, long[][] counts, long total) {
}
