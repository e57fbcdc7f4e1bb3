package pmo.improvement.training;

/**
 * A completion as the PMO records it over REST or in a CSV line: the person's user id, the course id and the date
 * completed ({@code YYYY-MM-DD}), as text so a bad date is answered naming the field.
 */
public record NewCompletion(String person, String courseId, String completedOn) {
}
