package pmo.change;

import java.math.BigDecimal;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import pmo.issue.ChangeNeeded;

/**
 * An issue whose triage found that it needs a change to scope, time or cost raises a change request for its project,
 * in the triaging step's transaction (if the request cannot be raised, the triage step fails and stays open). The
 * request starts with no estimated impact: the project manager's impact assessment puts the figures in, and the
 * routing decision follows from them as for any other request.
 */
@Component
class ChangeRequestsFromIssues {

  static final ChangeType TYPE = ChangeType.NORMAL;
  static final QualityImpact QUALITY = QualityImpact.NONE;

  private final ChangeRequestService changes;

  ChangeRequestsFromIssues(ChangeRequestService changes) {
    this.changes = changes;
  }

  @EventListener
  void raise(ChangeNeeded needed) {
    changes.raise(new ChangeRequestDraft(needed.projectId(), shorten("Issue I-" + needed.issueId() + ": "
        + needed.title(), 200), needed.description(), "Raised from issue I-" + needed.issueId()
        + " (" + shorten(needed.title(), 200) + "), whose triage found that it needs a change", TYPE,
        BigDecimal.ZERO, 0, needed.description(), QUALITY, null), needed.requester());
  }

  private static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
