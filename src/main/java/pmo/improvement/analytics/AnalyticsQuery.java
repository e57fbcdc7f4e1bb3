package pmo.improvement.analytics;

/**
 * What a report is asked for, as the REST call gives it: the process key, its version (null: all versions), the first
 * and last month ({@code YYYY-MM}; null: the twelve months up to the current one) and the project category (null: all).
 */
public record AnalyticsQuery(String process, Integer version, String from, String to, String category) {
}
