package pmo.knowledge;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A lesson learned: what a project found worth passing on, under the project's category and a few tags. {@code rank}
 * is the full-text relevance to the search text, when there is one (PostgreSQL).
 */
public record Lesson(
    long id,
    long projectId,
    String projectCode,
    String projectName,
    String category,
    List<String> tags,
    String text,
    String author,
    OffsetDateTime createdAt,
    Double rank) {
}
