package pmo.notice;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import pmo.audit.AuditService;
import pmo.platform.AuditEntry;
import pmo.platform.identity.Directory;

/**
 * The notification outbox. {@link #queue} writes a notice in the caller's transaction (the decision it reports), so
 * the notice exists exactly when the decision does. {@link #sendPending} delivers the pending notices of one case by
 * e-mail; it runs in an asynchronous process step, and each notice's outcome is written in a transaction of its own,
 * so a failed attempt leaves the notice PENDING with its error even though the step's job fails and is retried.
 * Delivery is at least once: a notice whose "sent" mark is lost is sent again.
 *
 * <p>Without SMTP ({@code spring.mail.host} unset, as in the demo) notices stay PENDING and sending does not fail:
 * they go out once a mail server is configured and the case's next notice step runs.
 */
@Service
public class NoticeService {

  public static final String ENTITY = "NOTICE";
  private static final Logger log = LoggerFactory.getLogger(NoticeService.class);

  private final NoticeRepository notices;
  private final MailTransport transport;
  private final Directory directory;
  private final AuditService audit;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  NoticeService(NoticeRepository notices, MailTransport transport, Directory directory, AuditService audit,
      PlatformTransactionManager transactions, Clock clock) {
    this.notices = notices;
    this.transport = transport;
    this.directory = directory;
    this.audit = audit;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** Queues a notice in the current transaction; a recipient without an e-mail address makes it UNDELIVERABLE. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Notice queue(NewNotice notice) {
    String email = directory.email(notice.recipient());
    boolean deliverable = email != null && !email.isBlank();
    long id = notices.insert(notice, deliverable ? email : null,
        deliverable ? NoticeStatus.PENDING : NoticeStatus.UNDELIVERABLE,
        deliverable ? null : "user " + notice.recipient() + " has no e-mail address", now());
    Notice queued = notices.find(id).orElseThrow();
    audit.record(AuditEntry.created(NoticeAudit.NOTICE_QUEUED, id, notice.projectId(), queued));
    return queued;
  }

  /**
   * Queues one notice to each recipient (each once, in the order given), written in the language the recipient reads
   * ({@link Directory#language}): {@code letter} writes the subject and body for a locale, once per language.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<Notice> queue(Collection<String> recipients, Function<Locale, Letter> letter, Long projectId,
      String relatedType, Object relatedId) {
    Map<Locale, Letter> written = new HashMap<>();
    return new LinkedHashSet<>(recipients).stream().map(user -> {
      Letter words = written.computeIfAbsent(directory.language(user), letter);
      return queue(new NewNotice(user, words.subject(), words.body(), projectId, relatedType, relatedId));
    }).toList();
  }

  /**
   * Sends the pending notices of one case. Returns how many were sent; throws {@link NoticeDeliveryException} after
   * trying all of them when any failed. Does nothing (and does not fail) when no mail server is configured.
   */
  public int sendPending(String relatedType, Object relatedId) {
    List<Notice> pending = notices.pending(relatedType, relatedId.toString());
    if (pending.isEmpty()) {
      return 0;
    }
    if (!transport.configured()) {
      log.info("{} notice(s) of {} {} stay PENDING: no mail server configured (spring.mail.host)", pending.size(),
          relatedType, relatedId);
      return 0;
    }
    int sent = 0;
    List<String> failures = new ArrayList<>();
    for (Notice notice : pending) {
      try {
        transport.send(notice);
      } catch (RuntimeException e) {
        String error = describe(e);
        ownTransaction.executeWithoutResult(tx -> {
          notices.markFailed(notice.id(), error, now());
          audit.record(AuditEntry.changed(NoticeAudit.NOTICE_SEND_FAILED, notice.id(), notice.projectId(), notice,
              notices.find(notice.id()).orElseThrow()));
        });
        failures.add("notice " + notice.id() + " to " + notice.recipientEmail() + ": " + error);
        continue;
      }
      ownTransaction.executeWithoutResult(tx -> {
        if (notices.markSent(notice.id(), now())) {
          audit.record(AuditEntry.changed(NoticeAudit.NOTICE_SENT, notice.id(), notice.projectId(), notice,
              notices.find(notice.id()).orElseThrow()));
        }
      });
      sent++;
    }
    if (!failures.isEmpty()) {
      throw new NoticeDeliveryException(failures.size() + " of " + pending.size() + " notice(s) not sent, kept "
          + "PENDING for the retry: " + String.join("; ", failures));
    }
    return sent;
  }

  @Transactional(readOnly = true)
  public List<Notice> forRelated(String relatedType, Object relatedId) {
    return notices.forRelated(relatedType, relatedId.toString());
  }

  private static String describe(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null && text.length() < 1500; t = t.getCause() == t ? null : t.getCause()) {
      text.append(text.length() == 0 ? "" : " <- ").append(t.getClass().getSimpleName()).append(": ")
          .append(t.getMessage());
    }
    return text.length() > 2000 ? text.substring(0, 2000) : text.toString();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
