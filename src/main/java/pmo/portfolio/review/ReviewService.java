package pmo.portfolio.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.notice.NoticeTexts;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;
import pmo.platform.ConflictException;
import pmo.platform.InputErrors;
import pmo.platform.NotFoundException;
import pmo.platform.SegregationOfDutiesException;
import pmo.platform.engine.CurrentActor;
import pmo.portfolio.PortfolioAudit;
import pmo.portfolio.ScoringModels;

/**
 * The portfolio review: opened with its pack (a scheduled review while another is open is skipped; one started by hand
 * then is refused), the PMO's proposal (checked row by row, {@link ProposalCheck}), the steering committee's approval
 * or sending back, and closing. Applying approved decisions is {@link ReviewApplier}. Every change is audited; the
 * review is found by the process instance it runs in.
 */
@Service
class ReviewService {

  static final int MAX_TEXT = 4000;

  private final ReviewRepository reviews;
  private final PackCompiler packs;
  private final ProposalCheck check;
  private final ScoringModels models;
  private final ObjectMapper json;
  private final AuditLog audit;
  private final CurrentActor actor;
  private final Clock clock;

  private final NoticeTexts texts;

  ReviewService(ReviewRepository reviews, PackCompiler packs, ProposalCheck check, ScoringModels models,
      ObjectMapper json, AuditLog audit, CurrentActor actor, Clock clock, NoticeTexts texts) {
    this.texts = texts;
    this.reviews = reviews;
    this.packs = packs;
    this.check = check;
    this.models = models;
    this.json = json;
    this.audit = audit;
    this.actor = actor;
    this.clock = clock;
  }

  /** A review's reference: the business key of its process and the first word of its tasks. */
  static String reference(long id) {
    return "PFR-" + id;
  }

  /** An opened review with what the PMO's form shows; {@code opened} false for a skipped one. */
  record Opened(long id, boolean opened, String summary, List<Map<String, Object>> projectRows,
      List<Map<String, Object>> proposalRows) {
  }

  private record Audited(long id, ReviewStatus status, String occasion, String reason) {
  }

  @Transactional
  Opened open(String processInstanceId, String occasion) {
    String by = actor.id();
    new InputErrors().require(occasion == null || occasion.length() <= 2000, "occasion",
        "must be at most 2000 characters").throwIfAny();
    long id = reviews.insert(processInstanceId, occasion, by, now(), ReviewStatus.OPEN, "{}");
    List<ReviewRepository.Review> open = reviews.open(id);
    if (!open.isEmpty()) {
      String reason = "portfolio review " + open.get(0).id() + " is still open";
      if (!CurrentActor.SYSTEM.equals(by)) {
        throw new ConflictException(reason + ": finish it before starting another");
      }
      reviews.status(id, ReviewStatus.SKIPPED, now(), reason);
      audit.record(AuditEntry.created(PortfolioAudit.REVIEW_SKIPPED, id, null,
          new Audited(id, ReviewStatus.SKIPPED, occasion, reason)));
      return new Opened(id, false, null, List.of(), List.of());
    }
    Pack pack = packs.compile(id);
    reviews.pack(id, write(pack), pack.scenario() == null ? null : pack.scenario().id());
    audit.record(AuditEntry.created(PortfolioAudit.REVIEW_OPENED, id, null, reviews.find(id).orElseThrow()));
    return new Opened(id, true, ReviewForms.summary(id, pack), ReviewForms.projectRows(pack, models.current()),
        ReviewForms.proposalRows(pack, models.current()));
  }

  /** Records the PMO's proposal as the next round; returns the text the steering committee's form shows. */
  @Transactional
  String propose(long id, List<Map<String, Object>> projects, List<Map<String, Object>> otherProjects,
      List<Map<String, Object>> proposals, String note) {
    ReviewRepository.Review before = require(id, ReviewStatus.OPEN, ReviewStatus.SENT_BACK);
    List<ReviewRepository.Decision> decisions = check.check(read(before.pack()), projects, otherProjects, proposals,
        note);
    int round = before.round() + 1;
    reviews.proposed(id, round, actor.id(), now(), note == null || note.isBlank() ? null : note.trim());
    decisions.forEach(d -> reviews.insertDecision(id, round, d));
    audit.record(AuditEntry.changed(PortfolioAudit.REVIEW_PROPOSED, id, null, before,
        new Proposed(round, actor.id(), note, reviews.decisions(id, round))));
    // the steering committee's form is in English, as the models' labels are
    return DecisionSummary.of(reviews.find(id).orElseThrow(), reviews.decisions(id, round),
        text -> texts.text(Locale.ENGLISH, text));
  }

  private record Proposed(int round, String by, String note, List<ReviewRepository.Decision> decisions) {
  }

  /** The steering committee approves the round's decisions or sends them back with comments. */
  @Transactional
  ReviewDecisions.Steering steer(long id, ReviewDecisions.Steering decision, String comment) {
    ReviewRepository.Review before = require(id, ReviewStatus.PROPOSED);
    InputErrors errors = new InputErrors();
    errors.require(decision != null, PortfolioReviewProcess.STEERING_DECISION.name(), "is required");
    errors.require(decision != ReviewDecisions.Steering.SEND_BACK || (comment != null && !comment.isBlank()),
        "steeringComment", "is required to send the proposal back: what the PMO is to change");
    errors.require(comment == null || comment.length() <= MAX_TEXT, "steeringComment",
        "must be at most " + MAX_TEXT + " characters");
    errors.throwIfAny();
    String by = actor.id();
    if (by.equals(before.proposedBy())) {
      throw new SegregationOfDutiesException("Four-eyes rule: " + by + " proposed these decisions and may not "
          + "approve them");
    }
    if (decision == ReviewDecisions.Steering.APPROVE) {
      check.requireNotRequesterOfApproved(by, reviews.decisions(id, before.round()));
    }
    ReviewStatus status = decision == ReviewDecisions.Steering.APPROVE ? ReviewStatus.APPROVED
        : ReviewStatus.SENT_BACK;
    reviews.steered(id, before.round(), status, decision, by, now(), comment);
    audit.record(AuditEntry.changed(decision == ReviewDecisions.Steering.APPROVE ? PortfolioAudit.REVIEW_APPROVED
        : PortfolioAudit.REVIEW_SENT_BACK, id, null, before, reviews.find(id).orElseThrow()));
    return decision;
  }

  /** The review ends: one that was neither applied nor skipped was ended from outside (cancelled). */
  @Transactional
  void close(String processInstanceId, String reason) {
    reviews.byProcess(processInstanceId).ifPresent(review -> {
      if (review.status() != ReviewStatus.APPLIED && review.status() != ReviewStatus.SKIPPED) {
        ReviewRepository.Review before = reviews.lock(review.id()).orElseThrow();
        reviews.status(review.id(), ReviewStatus.CANCELLED, now(), reason == null ? "ended" : reason);
        audit.record(AuditEntry.changed(PortfolioAudit.REVIEW_CLOSED, review.id(), null, before,
            reviews.find(review.id()).orElseThrow()));
      }
    });
  }

  @Transactional(readOnly = true)
  long idOfProcess(String processInstanceId) {
    return reviews.byProcess(processInstanceId).map(ReviewRepository.Review::id).orElseThrow(() ->
        new IllegalStateException("process instance " + processInstanceId + " has recorded no portfolio review"));
  }

  private ReviewRepository.Review require(long id, ReviewStatus... expected) {
    ReviewRepository.Review review = reviews.lock(id).orElseThrow(() -> new NotFoundException("portfolio review",
        id));
    if (!List.of(expected).contains(review.status())) {
      throw new ConflictException("portfolio review " + id + " is " + review.status());
    }
    return review;
  }

  Pack read(String pack) {
    try {
      return json.readValue(pack, Pack.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable review pack", e);
    }
  }

  private String write(Pack pack) {
    try {
      return json.writeValueAsString(pack);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
