package pmo.performance;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import pmo.notice.Letter;
import pmo.notice.NoticeService;
import pmo.notice.NoticeTexts;
import pmo.notice.Text;
import pmo.platform.identity.Directory;

/**
 * The notices of the performance capability through the outbox ({@link NoticeService}): queued in the transaction of
 * what they report, sent by the processes' asynchronous send steps.
 */
@Component
class PerformanceNotices {

  private final NoticeService notices;
  private final Directory directory;
  private final NoticeTexts texts;

  PerformanceNotices(NoticeService notices, Directory directory, NoticeTexts texts) {
    this.texts = texts;
    this.notices = notices;
    this.directory = directory;
  }

  /** Queues one notice to every member of the groups (each person once), in each one's language. */
  @Transactional(propagation = Propagation.MANDATORY)
  public int queueToGroups(List<String> groups, Text subject, Text body, Long projectId, String relatedType,
      long relatedId) {
    Set<String> recipients = new LinkedHashSet<>();
    groups.forEach(group -> recipients.addAll(directory.membersOf(group)));
    return notices.queue(recipients, locale -> new Letter(texts.text(locale, subject),
        texts.text(locale, body) + "\n"), projectId, relatedType, relatedId).size();
  }

  /** Sends the pending notices of one record (the asynchronous send steps). */
  public int send(String relatedType, long relatedId) {
    return notices.sendPending(relatedType, relatedId);
  }
}
