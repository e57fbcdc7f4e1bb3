package pmo.platform;

/**
 * Something that happened to a record, as the audit trail names it. Each capability declares its actions as an enum
 * implementing this interface; the stored action is {@link #name()}, the kind of record {@link #entityType()}.
 */
public interface AuditAction {

  String name();

  /** The kind of record the action is about, such as {@code CHANGE_REQUEST}. */
  String entityType();
}
