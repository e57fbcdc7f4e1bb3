package pmo.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import pmo.IntegrationTest;
import pmo.audit.AuditService;
import pmo.platform.identity.Directory;

/** The outbox on its own: queue in the caller's transaction, send when SMTP is configured, wait when it is not. */
class NoticeServiceTest extends IntegrationTest {

  @Autowired
  NoticeService notices;
  @Autowired
  NoticeRepository repository;
  @Autowired
  Directory directory;
  @Autowired
  AuditService audit;
  @Autowired
  PlatformTransactionManager transactions;
  @Autowired
  Clock clock;

  @Test
  void withoutSmtpNoticesStayPendingAndNothingFailsThenTheyGoOutOnceSmtpIsThere() {
    String user = user("nina", "requesters");
    String case_ = "test-" + unique();
    NoticeService withoutSmtp = new NoticeService(repository, new MailTransport(
        new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
        new NoticeSettings("pmo@test", null, null)), directory, audit,
        transactions, clock);

    Notice queued = inTransaction(() -> withoutSmtp.queue(new NewNotice(user, "Hello " + case_, "Body", null,
        "TEST", case_)));
    assertThat(queued.status()).isEqualTo(NoticeStatus.PENDING);
    assertThat(queued.recipientEmail()).isEqualTo("nina@pmo.test");

    assertThat(withoutSmtp.sendPending("TEST", case_)).isZero();
    Notice waiting = repository.find(queued.id()).orElseThrow();
    assertThat(waiting.status()).isEqualTo(NoticeStatus.PENDING);
    assertThat(waiting.attempts()).isZero();
    assertThat(waiting.lastError()).isNull();

    assertThat(notices.sendPending("TEST", case_)).isEqualTo(1);
    assertThat(repository.find(queued.id()).orElseThrow().status()).isEqualTo(NoticeStatus.SENT);
    // counted by subject: the job executor may deliver other tests' notices meanwhile
    assertThat(MAIL.getReceivedMessages()).filteredOn(m -> subjectOf(m).equals("Hello " + case_)).hasSize(1);
    assertThat(notices.sendPending("TEST", case_)).as("sent once only").isZero();
    assertThat(audit.forEntity(NoticeService.ENTITY, queued.id())).extracting(e -> e.action())
        .containsExactly("NOTICE_QUEUED", "NOTICE_SENT");
  }

  @Test
  void aRecipientWithoutAnAddressIsUndeliverableAndDoesNotBlockTheOthers() {
    String noMail = "nomail-" + unique();
    var newUser = identityService.newUser(noMail);
    newUser.setFirstName("No");
    newUser.setLastName("Mail");
    identityService.saveUser(newUser);
    String case_ = "test-" + unique();
    Notice undeliverable = inTransaction(() -> notices.queue(new NewNotice(noMail, "Hi", "Body", null, "TEST",
        case_)));
    inTransaction(() -> notices.queue(new NewNotice(user("nina", "requesters"), "Hi", "Body", null, "TEST", case_)));

    assertThat(undeliverable.status()).isEqualTo(NoticeStatus.UNDELIVERABLE);
    assertThat(undeliverable.lastError()).isEqualTo("user " + noMail + " has no e-mail address");
    assertThat(notices.sendPending("TEST", case_)).isEqualTo(1);
    assertThat(notices.forRelated("TEST", case_)).extracting(Notice::status)
        .containsExactly(NoticeStatus.UNDELIVERABLE, NoticeStatus.SENT);
  }

  private static String subjectOf(jakarta.mail.internet.MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T inTransaction(java.util.function.Supplier<T> work) {
    return new TransactionTemplate(transactions).execute(status -> work.get());
  }
}
