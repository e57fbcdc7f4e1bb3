package pmo.notice;

import java.time.OffsetDateTime;

/** One notice of the outbox: to whom, what, about which case, and how its delivery went. */
public record Notice(
    long id,
    String recipient,
    String recipientEmail,
    String subject,
    String body,
    Long projectId,
    String relatedType,
    String relatedId,
    NoticeStatus status,
    int attempts,
    String lastError,
    OffsetDateTime createdAt,
    OffsetDateTime lastAttemptAt,
    OffsetDateTime sentAt) {
}
