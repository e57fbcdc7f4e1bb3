package pmo.notice;

/** Where a notice is: waiting to be sent (again), sent, or impossible to send (the recipient has no e-mail address). */
public enum NoticeStatus {
  PENDING, SENT, UNDELIVERABLE
}
