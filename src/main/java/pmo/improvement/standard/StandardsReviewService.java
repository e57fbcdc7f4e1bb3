package pmo.improvement.standard;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.improvement.analytics.AnalyticsQuery;
import pmo.improvement.analytics.AnalyticsService;
import pmo.improvement.proposal.Proposal;
import pmo.improvement.proposal.ProposalDraft;
import pmo.improvement.proposal.ProposalRegister;
import pmo.improvement.proposal.ProposalService;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;
import pmo.platform.Choice;
import pmo.platform.ConflictException;
import pmo.platform.InputErrors;
import pmo.platform.NotFoundException;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.Roles;
import pmo.platform.Viewer;
import pmo.platform.engine.CurrentActor;
import pmo.platform.engine.SystemActions;

/**
 * The standards review (processes/standards-review.bpmn): a review opens (by the PMO by hand, or yearly through
 * processes/standards-review-cycle.bpmn) with one
 * item per deployed governance process, each showing its analytics of the last twelve months and its open improvement
 * proposals; a process owner reviews each item, and a change they find needed becomes an improvement proposal in their
 * name (which the PMO evaluates, with the four-eyes rule, and which links to the deployment that implements it); the
 * review closes when every item is reviewed. Read by the PMO, process owners and auditors.
 *
 * <p>Longer than 200 lines because opening, reviewing and closing a review change the same rows under the same
 * lock and audit; split apart each would repeat the lookup of the review by its process instance.
 */
@Service
public class StandardsReviewService {

  static final int MAX_TEXT = 4000;
  static final Set<String> READ_ALL = Set.of(Roles.PMO, Roles.PROCESS_OWNERS, Roles.AUDITORS);

  /** The review form's answer. */
  enum ChangeNeeded implements Choice {
    YES, NO;
  }

  private final ReviewRepository reviews;
  private final AnalyticsService analytics;
  private final ProposalRegister proposals;
  private final ProposalService proposalService;
  private final StandardsReviewSettings settings;
  private final AuditLog audit;
  private final CurrentActor actor;
  private final SystemActions system;
  private final Clock clock;

  StandardsReviewService(ReviewRepository reviews, AnalyticsService analytics, ProposalRegister proposals,
      ProposalService proposalService, StandardsReviewSettings settings, AuditLog audit, CurrentActor actor,
      SystemActions system, Clock clock) {
    this.reviews = reviews;
    this.analytics = analytics;
    this.proposals = proposals;
    this.proposalService = proposalService;
    this.settings = settings;
    this.audit = audit;
    this.actor = actor;
    this.system = system;
    this.clock = clock;
  }

  /** Opens the review of a process instance that has just started: by the PMO with a reason, or by the cycle. */
  @Transactional
  public Review open(String reason, String processInstanceId) {
    InputErrors errors = new InputErrors().requireText(reason, "reviewReason", 2000);
    errors.throwIfAny();
    String why = reason.trim();
    long id = reviews.insert(why, actor.id(), processInstanceId, OffsetDateTime.now(clock));
    YearMonth to = YearMonth.now(clock);
    for (AnalyticsService.ProcessInfo process : analytics.processes()) {
      String summary = AnalyticsSummary.of(analytics.report(new AnalyticsQuery(process.key(), null,
          to.minusMonths(11).toString(), to.toString(), null)));
      String open = AnalyticsSummary.proposals(proposals.openConcerning(process.key(), settings.proposalsShown()));
      reviews.insertItem(id, process.key(), truncate(process.name(), 255), summary, open);
    }
    Review review = reviews.find(id).orElseThrow();
    audit.record(AuditEntry.created(StandardAudit.STANDARDS_REVIEW_OPENED, id, null, review));
    return review;
  }

  /**
   * Starts a review on the cycle (processes/standards-review-cycle.bpmn): the system starts
   * processes/standards-review.bpmn with the cycle as its reason; returns the new process instance.
   */
  public String startOnCycle() {
    return system.startProcess(StandardsReviewProcess.KEY, null, Map.of(StandardsReviewProcess.REASON.name(),
        "Review on the cycle pmo.improvement.standards-review.cycle = " + settings.cycle()));
  }

  /** What one review task shows: the item of its process. */
  @Transactional(readOnly = true)
  public ReviewItem item(String processInstanceId, String processKey) {
    return reviews.item(idOfProcess(processInstanceId), processKey).orElseThrow(() -> new IllegalStateException(
        "standards review of " + processInstanceId + " has no item '" + processKey + "'"));
  }

  /**
   * A process owner's review of one process: whether a change is needed and, if so, the problem seen, the change and
   * its benefit, which become an improvement proposal in the owner's name.
   */
  @Transactional
  public ReviewItem review(String processInstanceId, String processKey, ChangeNeeded needed, String problemSeen,
      String proposedChange, String expectedBenefit) {
    long id = idOfProcess(processInstanceId);
    Review review = reviews.lock(id).orElseThrow();
    ReviewItem before = reviews.item(id, processKey).orElseThrow(() -> new NotFoundException("review item",
        processKey));
    if (!"OPEN".equals(review.status()) || before.reviewedAt() != null) {
      throw new ConflictException("the review of " + processKey + " in standards review " + id + " is done");
    }
    InputErrors errors = new InputErrors();
    errors.require(needed != null, StandardsReviewProcess.CHANGE_NEEDED.name(), "is required");
    if (needed == ChangeNeeded.YES) {
      errors.requireText(problemSeen, "problemSeen", MAX_TEXT);
      errors.requireText(proposedChange, "proposedChange", MAX_TEXT);
      errors.requireText(expectedBenefit, "expectedBenefit", MAX_TEXT);
    }
    errors.throwIfAny();
    Long proposalId = null;
    if (needed == ChangeNeeded.YES) {
      Proposal proposal = proposalService.submitFromReview(new ProposalDraft(
          truncate("Standards review " + id + ": " + before.processName(), 200), problemSeen.trim(),
          proposedChange.trim(), expectedBenefit.trim(), processKey, null, null), id);
      proposalId = proposal.id();
    }
    reviews.reviewed(id, processKey, needed == ChangeNeeded.YES,
        needed == ChangeNeeded.YES ? proposedChange.trim() : null,
        needed == ChangeNeeded.YES ? expectedBenefit.trim() : null, actor.id(), OffsetDateTime.now(clock),
        proposalId);
    ReviewItem after = reviews.item(id, processKey).orElseThrow();
    audit.record(AuditEntry.changed(StandardAudit.STANDARDS_REVIEW_ITEM_REVIEWED, id, null, before, after));
    return after;
  }

  /** Closes the review once every process is reviewed. */
  @Transactional
  public Review close(String processInstanceId) {
    long id = idOfProcess(processInstanceId);
    Review before = reviews.lock(id).orElseThrow();
    reviews.close(id, "CLOSED", OffsetDateTime.now(clock));
    Review after = reviews.find(id).orElseThrow();
    audit.record(AuditEntry.changed(StandardAudit.STANDARDS_REVIEW_CLOSED, id, null, Map.of("status",
        before.status()), Map.of("status", after.status(), "proposals", after.items().stream()
        .filter(i -> i.proposalId() != null).map(ReviewItem::proposalId).toList())));
    return after;
  }

  @Transactional(readOnly = true)
  public Review get(long id, Viewer viewer) {
    requireReader(viewer);
    return reviews.find(id).orElseThrow(() -> new NotFoundException("standards review", id));
  }

  @Transactional(readOnly = true)
  public Page<Review> list(PageRequest page, Viewer viewer) {
    requireReader(viewer);
    return reviews.list(page);
  }

  public long idOfProcess(String processInstanceId) {
    return reviews.idOfProcess(processInstanceId).orElseThrow(() -> new IllegalStateException(
        "process instance " + processInstanceId + " has recorded no standards review"));
  }

  private static void requireReader(Viewer viewer) {
    if (!viewer.inAny(READ_ALL)) {
      throw new pmo.platform.ForbiddenActionException("standards reviews are read by the PMO, process owners and"
          + " auditors");
    }
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  List<ReviewItem> items(long reviewId) {
    return reviews.items(reviewId);
  }
}
