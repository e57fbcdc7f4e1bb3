package pmo.improvement.proposal;

import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import pmo.notice.NewNotice;
import pmo.notice.NoticeService;

/**
 * The notices of improvement proposals, queued in the outbox ({@link NoticeService}) in the transaction of the
 * decision they report and sent by the process's asynchronous send steps: the evaluation to the proposer (and, on
 * accept, to the implementer), the verification to the proposer and the implementer.
 */
@Component
class ProposalNotices {

  private final NoticeService notices;

  ProposalNotices(NoticeService notices) {
    this.notices = notices;
  }

  void queueEvaluation(Proposal p) {
    String subject = switch (p.status()) {
      case ACCEPTED -> p.reference() + " accepted: " + p.title();
      case REJECTED -> p.reference() + " rejected: " + p.title();
      case MORE_INFO -> p.reference() + " needs more information: " + p.title();
      default -> throw new IllegalStateException(p.reference() + " is " + p.status() + ", not evaluated");
    };
    StringBuilder body = head(p).append("Decision by ").append(p.evaluatedBy()).append(": ")
        .append(p.status().name()).append('\n').append("Reason: ").append(p.evaluationReason()).append('\n');
    if (p.status() == ProposalStatus.ACCEPTED) {
      body.append("Implemented by ").append(p.implementer()).append(" by ").append(p.implementBy()).append('\n');
    } else if (p.status() == ProposalStatus.MORE_INFO) {
      body.append("Please revise the proposal in Tasklist.\n");
    }
    Set<String> to = new LinkedHashSet<>();
    to.add(p.proposer());
    if (p.status() == ProposalStatus.ACCEPTED) {
      to.add(p.implementer());
    }
    to.forEach(user -> notices.queue(new NewNotice(user, subject, body.toString(), p.projectId(),
        ProposalService.ENTITY, p.id())));
  }

  void queueOutcome(Proposal p) {
    boolean verified = p.status() == ProposalStatus.VERIFIED;
    String subject = p.reference() + (verified ? " benefit confirmed: " : " benefit not confirmed: ") + p.title();
    StringBuilder body = head(p).append("Implemented by ").append(p.implementer()).append(": ")
        .append(p.implementationNotes()).append('\n')
        .append("Verified by ").append(p.verifiedBy()).append(": ").append(verified ? "benefit confirmed"
            : "benefit not confirmed").append('\n');
    if (p.verificationComment() != null) {
      body.append("Comment: ").append(p.verificationComment()).append('\n');
    }
    Set<String> to = new LinkedHashSet<>();
    to.add(p.proposer());
    to.add(p.implementer());
    to.forEach(user -> notices.queue(new NewNotice(user, subject, body.toString(), p.projectId(),
        ProposalService.ENTITY, p.id())));
  }

  int sendPending(long id) {
    return notices.sendPending(ProposalService.ENTITY, id);
  }

  private static StringBuilder head(Proposal p) {
    return new StringBuilder().append("Improvement proposal ").append(p.reference()).append(" \"").append(p.title())
        .append("\"\n").append("Concerns: ").append(p.concerns()).append('\n')
        .append("Proposed by: ").append(p.proposer()).append('\n');
  }
}
