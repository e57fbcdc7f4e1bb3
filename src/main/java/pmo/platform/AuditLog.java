package pmo.platform;

/**
 * Where domain changes are recorded (the audit capability implements it): inside the caller's transaction, so an event
 * commits or rolls back with the change it describes.
 */
public interface AuditLog {

  void record(AuditEntry entry);
}
