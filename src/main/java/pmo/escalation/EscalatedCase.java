package pmo.escalation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import pmo.notice.Text;

/**
 * What a case says about itself when it escalates ({@link EscalatedCases#lock}): which record it is, the reason in
 * words (recorded in English with its values as they are, written to each recipient of a notice in their language),
 * the rule to record (the model's {@code escalationRule} as the case qualifies it, or its own, such as a configured
 * deadline), the deadline that passed (null when none did), whom it was waiting for (users or groups; empty when
 * nobody), how long the escalated party has to act (null when no timer waits for it), and the notice. The project is
 * null for a case that belongs to none (an improvement proposal about the standard itself).
 */
public record EscalatedCase(String entityType, long entityId, Long projectId, Text reason, String rule,
    OffsetDateTime missedDeadline, List<String> waitingFor, Duration respondWithin, NoticeText notice) {

  public EscalatedCase {
    waitingFor = waitingFor == null ? List.of() : List.copyOf(waitingFor);
  }

  /**
   * The notice to whoever the step goes to: the case in one line (the subject after "Escalation: " or "Reminder: "),
   * what they are asked to do (closing the body, after the reason), and who is never notified because they may not
   * act on the case (the four-eyes parties, such as its requester).
   */
  public record NoticeText(Text subject, Text ask, Set<String> notTo) {

    public NoticeText {
      notTo = notTo == null ? Set.of() : Set.copyOf(notTo.stream().filter(u -> u != null).toList());
    }
  }
}
