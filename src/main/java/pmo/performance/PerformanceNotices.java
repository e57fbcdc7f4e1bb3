package pmo.performance;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import pmo.notice.NewNotice;
import pmo.notice.NoticeService;
import pmo.platform.identity.Directory;

/**
 * The notices of the performance capability through the outbox ({@link NoticeService}): queued in the transaction of
 * what they report, sent by the processes' asynchronous send steps.
 */
@Component
class PerformanceNotices {

  private final NoticeService notices;
  private final Directory directory;

  PerformanceNotices(NoticeService notices, Directory directory) {
    this.notices = notices;
    this.directory = directory;
  }

  /** Queues one notice to every member of the groups (each person once). */
  @Transactional(propagation = Propagation.MANDATORY)
  public int queueToGroups(List<String> groups, String subject, String body, Long projectId, String relatedType,
      long relatedId) {
    Set<String> recipients = new LinkedHashSet<>();
    groups.forEach(group -> recipients.addAll(directory.membersOf(group)));
    for (String recipient : recipients) {
      notices.queue(new NewNotice(recipient, subject.length() > 300 ? subject.substring(0, 300) : subject, body,
          projectId, relatedType, relatedId));
    }
    return recipients.size();
  }

  /** Sends the pending notices of one record (the asynchronous send steps). */
  public int send(String relatedType, long relatedId) {
    return notices.sendPending(relatedType, relatedId);
  }
}
