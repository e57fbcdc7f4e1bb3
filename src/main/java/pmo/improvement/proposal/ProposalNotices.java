package pmo.improvement.proposal;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import pmo.notice.Letter;
import pmo.notice.NoticeService;
import pmo.notice.NoticeTexts;
import pmo.notice.Text;

/**
 * The notices of improvement proposals, queued in the outbox ({@link NoticeService}) in the transaction of the
 * decision they report and sent by the process's asynchronous send steps: the evaluation to the proposer (and, on
 * accept, to the implementer), the verification to the proposer and the implementer.
 */
@Component
class ProposalNotices {

  private final NoticeService notices;
  private final NoticeTexts texts;

  ProposalNotices(NoticeService notices, NoticeTexts texts) {
    this.notices = notices;
    this.texts = texts;
  }

  void queueEvaluation(Proposal p) {
    if (p.status() != ProposalStatus.ACCEPTED && p.status() != ProposalStatus.REJECTED
        && p.status() != ProposalStatus.MORE_INFO) {
      throw new IllegalStateException(p.reference() + " is " + p.status() + ", not evaluated");
    }
    Set<String> to = new LinkedHashSet<>();
    to.add(p.proposer());
    if (p.status() == ProposalStatus.ACCEPTED) {
      to.add(p.implementer());
    }
    notices.queue(to, locale -> {
      StringBuilder body = head(locale, p)
          .append(texts.text(locale, "proposal.decision", p.evaluatedBy(), Text.of("proposal.status." + p.status())))
          .append('\n').append(texts.text(locale, "notice.reason", p.evaluationReason())).append('\n');
      if (p.status() == ProposalStatus.ACCEPTED) {
        body.append(texts.text(locale, "proposal.implementBy", p.implementer(), p.implementBy())).append('\n');
      } else if (p.status() == ProposalStatus.MORE_INFO) {
        body.append(texts.text(locale, "proposal.revise")).append('\n');
      }
      return new Letter(subject(locale, p), body.toString());
    }, p.projectId(), ProposalService.ENTITY, p.id());
  }

  void queueOutcome(Proposal p) {
    String outcome = p.status() == ProposalStatus.VERIFIED ? "VERIFIED" : "NOT_VERIFIED";
    Set<String> to = new LinkedHashSet<>();
    to.add(p.proposer());
    to.add(p.implementer());
    notices.queue(to, locale -> {
      StringBuilder body = head(locale, p)
          .append(texts.text(locale, "proposal.implemented", p.implementer(), p.implementationNotes())).append('\n')
          .append(texts.text(locale, "proposal.verified", p.verifiedBy(), Text.of("proposal.benefit." + outcome)))
          .append('\n');
      if (p.verificationComment() != null) {
        body.append(texts.text(locale, "proposal.comment", p.verificationComment())).append('\n');
      }
      return new Letter(texts.text(locale, "proposal.subject." + outcome, p.reference(), p.title()),
          body.toString());
    }, p.projectId(), ProposalService.ENTITY, p.id());
  }

  int sendPending(long id) {
    return notices.sendPending(ProposalService.ENTITY, id);
  }

  private String subject(Locale locale, Proposal p) {
    return texts.text(locale, "proposal.subject." + p.status(), p.reference(), p.title());
  }

  private StringBuilder head(Locale locale, Proposal p) {
    return new StringBuilder(texts.text(locale, "proposal.head", p.reference(), p.title(), p.concerns(),
        p.proposer())).append('\n');
  }
}
