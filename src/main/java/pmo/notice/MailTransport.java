package pmo.notice;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends a notice as a plain-text e-mail through Spring Mail. Spring Boot creates the {@link JavaMailSender} only when
 * {@code spring.mail.host} is set; without it this transport is "not configured" and notices wait in the outbox.
 */
@Component
class MailTransport {

  private final ObjectProvider<JavaMailSender> sender;
  private final String from;

  MailTransport(ObjectProvider<JavaMailSender> sender, NoticeSettings settings) {
    this.sender = sender;
    this.from = settings.from();
  }

  boolean configured() {
    return sender.getIfAvailable() != null;
  }

  void send(Notice notice) {
    SimpleMailMessage mail = new SimpleMailMessage();
    mail.setFrom(from);
    mail.setTo(notice.recipientEmail());
    mail.setSubject(notice.subject());
    mail.setText(notice.body());
    sender.getObject().send(mail);
  }
}
