package pmo.platform;

/**
 * One audit event before it is written: what happened to which record of which project, the record before and after
 * (null for a creation or a deletion), and the user task it belongs to, if any. Who and when are added by the log.
 */
public record AuditEntry(AuditAction action, String entityId, Long projectId, Object before, Object after,
    String taskId) {

  /** A record was created: only its state after. */
  public static AuditEntry created(AuditAction action, Object entityId, Long projectId, Object after) {
    return new AuditEntry(action, idOf(entityId), projectId, null, after, null);
  }

  /** A record changed from {@code before} to {@code after}. */
  public static AuditEntry changed(AuditAction action, Object entityId, Long projectId, Object before, Object after) {
    return new AuditEntry(action, idOf(entityId), projectId, before, after, null);
  }

  /** The same event, as part of the user task {@code taskId}. */
  public AuditEntry inTask(String task) {
    return new AuditEntry(action, entityId, projectId, before, after, task);
  }

  private static String idOf(Object entityId) {
    return entityId == null ? null : String.valueOf(entityId);
  }
}
