package pmo.knowledge;

import java.util.List;

/** A lesson to write: its project, the project's category, tags (see {@link Tags}) and text; the author is the actor. */
public record NewLesson(long projectId, String category, List<String> tags, String text) {
}
