package pmo.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The hash chain of the audit trail: each event's hash is SHA-256 over its sequence number, its content and the
 * previous event's hash, so changing, removing or reordering an event breaks the chain at that event.
 */
public final class AuditHash {

  /** The "previous hash" of the first event. */
  public static final String GENESIS = "0".repeat(64);

  private static final char SEPARATOR = '\u001f';
  private static final String NULL = "\u2400";

  private AuditHash() {
  }

  public static String of(long seq, OffsetDateTime occurredAt, String actor, String action, String entityType,
      String entityId, Long projectId, String before, String after, String processInstanceId, String taskId,
      String previousHash) {
    StringBuilder content = new StringBuilder();
    for (Object field : new Object[] {seq, DateTimeFormatter.ISO_INSTANT.format(occurredAt.toInstant()), actor, action,
        entityType, entityId, projectId, before, after, processInstanceId, taskId, previousHash}) {
      content.append(field == null ? NULL : field.toString()).append(SEPARATOR);
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
