package pmo.notice;

/** A notice's words in one language: its subject (cut to the outbox's 300 characters) and plain-text body. */
public record Letter(String subject, String body) {

  public Letter {
    subject = subject.length() > 300 ? subject.substring(0, 300) : subject;
  }
}
