package pmo.knowledge;

/** The filters of a lesson search; null means any. {@code q} is search text (web-search syntax on PostgreSQL). */
public record LessonQuery(String q, String category, String tag, Long projectId) {
}
