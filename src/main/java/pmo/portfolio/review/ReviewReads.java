package pmo.portfolio.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.platform.NotFoundException;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.portfolio.ScoringService;

/**
 * The portfolio reviews as the REST API shows them: a list (newest first, by status) and one review with every round
 * and the decisions proposed in it. Reading stays here so the controller never reaches the repository; who may read
 * is the controller's rule (the whole portfolio's readers, {@code PortfolioAccess.READERS}), since a review spans the
 * whole portfolio.
 *
 * <p>{@code period} is the calendar quarter the review opened in ({@code 2026-Q4}, in the application's time zone):
 * reviews run quarterly by default ({@code pmo.portfolio.review.cycle}) and the table keeps no period of its own.
 */
@Service
class ReviewReads {

  private final ReviewRepository reviews;
  private final ObjectMapper json;
  private final Clock clock;

  ReviewReads(ReviewRepository reviews, ObjectMapper json, Clock clock) {
    this.reviews = reviews;
    this.json = json;
    this.clock = clock;
  }

  /**
   * A review in a list: who proposed its latest round, who approved it, and the steering committee's latest answer
   * ({@code decision} approve or sendBack, by whom and when; absent while the round waits for it).
   */
  record Summary(long id, ReviewStatus status, String period, String occasion, String startedBy,
      OffsetDateTime startedAt, int round, String proposedBy, OffsetDateTime proposedAt, String approvedBy,
      OffsetDateTime approvedAt, String decision, String decidedBy, OffsetDateTime decidedAt, OffsetDateTime closedAt,
      String closingReason) {
  }

  /** One review: its row, every round with the decisions proposed in it, and the pack it was decided on. */
  record Details(long id, ReviewStatus status, String period, String occasion, String startedBy,
      OffsetDateTime startedAt, int round, String proposedBy, OffsetDateTime proposedAt, String proposalNote,
      String approvedBy, OffsetDateTime approvedAt, OffsetDateTime closedAt, String closingReason, Long scenarioId,
      List<RoundView> rounds, Pack pack) {
  }

  /** A round: the PMO's proposal and the steering committee's answer ({@code approve}, {@code sendBack}). */
  record RoundView(int round, String proposedBy, OffsetDateTime proposedAt, String note,
      ReviewDecisions.Steering decision,
      String decidedBy, OffsetDateTime decidedAt, String comment, List<Item> items) {
  }

  /**
   * A decision on one project or proposal ({@code kind} PROJECT or PROPOSAL): CONTINUE, PAUSE, STOP or REPRIORITISE a
   * project; APPROVE, DEFER or REJECT a proposal; {@code applied} once the approved round was carried out;
   * {@code statusBefore} the project's status when the review's pack was compiled (a pause of a project ON_HOLD keeps
   * it on hold, a continue resumes it).
   */
  record Item(String kind, long subjectId, String reference, String name, String decision, String reason,
      Map<String, Integer> scores, String projectManager, LocalDate plannedStart, boolean applied,
      String statusBefore) {
  }

  @Transactional(readOnly = true)
  Page<Summary> list(ReviewStatus status, PageRequest page) {
    return reviews.list(status, page).map(r -> new Summary(r.id(), r.status(), period(r.startedAt()), r.occasion(),
        r.startedBy(), r.startedAt(), r.round(), r.proposedBy(), r.proposedAt(), r.approvedBy(), r.approvedAt(),
        r.steeringDecision(), r.steeringBy(), r.steeringAt(), r.closedAt(), r.closingReason()));
  }

  @Transactional(readOnly = true)
  Details get(long id) {
    ReviewRepository.Review r = reviews.find(id).orElseThrow(() -> new NotFoundException("portfolio review", id));
    List<RoundView> rounds = reviews.rounds(id).stream().map(round -> new RoundView(round.round(),
        round.proposedBy(), round.proposedAt(), round.note(), round.steeringDecision(), round.steeringBy(),
        round.steeringAt(), round.steeringComment(), reviews.decisions(id, round.round()).stream()
            .map(ReviewReads::item).toList())).toList();
    return new Details(r.id(), r.status(), period(r.startedAt()), r.occasion(), r.startedBy(), r.startedAt(),
        r.round(), r.proposedBy(), r.proposedAt(), r.proposalNote(), r.approvedBy(), r.approvedAt(), r.closedAt(),
        r.closingReason(), r.scenarioId(), rounds, pack(r.pack()));
  }

  private static Item item(ReviewRepository.Decision d) {
    return new Item(d.subjectType(), d.subjectId(), d.reference(), d.name(), d.decision(), d.reason(),
        d.scores() == null ? null : ScoringService.parse(d.scores()), d.projectManager(), d.plannedStart(),
        d.applied(), d.statusBefore());
  }

  /** The stored pack; none for a review skipped before its pack was compiled (stored as {@code {}}). */
  private Pack pack(String stored) {
    if (stored == null || stored.isBlank() || "{}".equals(stored.trim())) {
      return null;
    }
    try {
      return json.readValue(stored, Pack.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable review pack", e);
    }
  }

  private String period(OffsetDateTime startedAt) {
    ZonedDateTime at = startedAt.atZoneSameInstant(clock.getZone());
    return at.getYear() + "-Q" + ((at.getMonthValue() - 1) / 3 + 1);
  }
}
