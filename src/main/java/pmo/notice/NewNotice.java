package pmo.notice;

/**
 * A notice to queue: the recipient's user id (the address is looked up in the directory), subject and plain-text
 * body, and the case it is about ({@code relatedType} such as {@code CHANGE_REQUEST} with its id, and the project).
 */
public record NewNotice(String recipient, String subject, String body, Long projectId, String relatedType,
    Object relatedId) {
}
