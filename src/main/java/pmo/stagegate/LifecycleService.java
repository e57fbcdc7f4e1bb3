package pmo.stagegate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.audit.AuditService;
import pmo.knowledge.KnowledgeService;
import pmo.knowledge.NewLesson;
import pmo.knowledge.Tags;
import pmo.platform.AuditEntry;
import pmo.platform.ConflictException;
import pmo.platform.InputErrors;
import pmo.platform.engine.CurrentActor;
import pmo.platform.engine.SystemActions;
import pmo.platform.engine.Tasklist;
import pmo.project.Baseline;
import pmo.project.Project;
import pmo.project.ProjectDetails;
import pmo.project.ProjectService;
import pmo.project.ProjectStatus;
import pmo.project.Stage;

/**
 * The project lifecycle: started for every registered project at its current stage; ended by the post-project review,
 * which records the outcome against the baseline, writes the lessons learned into the knowledge base and closes the
 * project.
 */
@Service
public class LifecycleService {

  static final String LIFECYCLE_ENTITY = "PROJECT_LIFECYCLE";
  static final String REVIEW_ENTITY = "POST_PROJECT_REVIEW";
  static final String WENT_WELL_TAG = "went-well";
  static final String TO_IMPROVE_TAG = "to-improve";
  private final LifecycleRepository lifecycles;
  private final ProjectService projects;
  private final KnowledgeService knowledge;
  private final SystemActions system;
  private final AuditService audit;
  private final CurrentActor actor;
  private final Clock clock;

  LifecycleService(LifecycleRepository lifecycles, ProjectService projects, KnowledgeService knowledge,
      SystemActions system, AuditService audit, CurrentActor actor,
      Clock clock) {
    this.lifecycles = lifecycles;
    this.projects = projects;
    this.knowledge = knowledge;
    this.system = system;
    this.audit = audit;
    this.actor = actor;
    this.clock = clock;
  }

  record ClosureOpening(String subject, LocalDate baselineFinish, BigDecimal baselineBudget, String projectManager) {
  }

  private record Started(String processInstanceId, Stage startStage) {
  }

  /**
   * Starts the lifecycle of a project at the project's current stage; returns the process instance id, or nothing
   * for a project that is already closed or cancelled. The start is a consequence of the registration, not an action of
   * the registering user, so it runs without their authorizations.
   */
  @Transactional
  public Optional<String> start(long projectId) {
    Project project = projects.find(projectId);
    if (project.stage() == Stage.CLOSED || project.status() != ProjectStatus.ACTIVE) {
      return Optional.empty();
    }
    if (lifecycles.lifecycleExists(projectId)) {
      throw new ConflictException("project " + project.code() + " already has its lifecycle");
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(LifecycleProcess.PROJECT_ID.name(), LifecycleProcess.PROJECT_ID.raw(projectId));
    variables.put(LifecycleProcess.START_STAGE.name(), LifecycleProcess.START_STAGE.raw(project.stage().name()));
    variables.put(LifecycleProcess.PROJECT_MANAGER.name(), LifecycleProcess.PROJECT_MANAGER.raw(project.manager()));
    variables.put(Tasklist.SUBJECT.name(), Tasklist.SUBJECT.raw(project.code() + " " + project.name()));
    String processInstanceId = system.startProcess(LifecycleProcess.KEY, project.code(), variables);
    lifecycles.insertLifecycle(projectId, processInstanceId, project.stage().name(), now());
    audit.record(AuditEntry.created(StageGateAudit.LIFECYCLE_STARTED, projectId, projectId,
        new Started(processInstanceId, project.stage())));
    return Optional.of(processInstanceId);
  }

  @Transactional(readOnly = true)
  public ClosureOpening prepareClosure(long projectId) {
    ProjectDetails details = projects.get(projectId);
    Project project = details.project();
    Baseline baseline = details.currentBaseline();
    return new ClosureOpening(project.code() + " " + project.name() + " — closure", baseline.plannedFinish(),
        baseline.budgetAtCompletion(), project.manager());
  }

  /**
   * Records the post-project review against the current baseline, writes each line of what went well and what to
   * improve as a lesson learned, and closes the project. Returns the review's id.
   */
  @Transactional
  public long close(long projectId, ClosureReviewCommand review, String processInstanceId) {
    ProjectDetails details = projects.get(projectId);
    if (details.project().stage() == Stage.CLOSED || lifecycles.reviewExists(projectId)) {
      throw new ConflictException("project " + details.project().code() + " is already closed");
    }
    InputErrors errors = new InputErrors();
    errors.require(review.objectivesMet() != null, LifecycleProcess.OBJECTIVES_MET.name(), "is required");
    LocalDate today = LocalDate.now(clock);
    errors.require(review.actualFinish() != null, "actualFinish", "is required");
    errors.require(review.actualFinish() == null || !review.actualFinish().isAfter(today), "actualFinish",
        "must not be in the future");
    errors.require(review.actualCost() != null, "actualCost", "is required");
    errors.require(review.actualCost() == null || (review.actualCost().signum() >= 0
        && review.actualCost().precision() - review.actualCost().scale() <= 13 && review.actualCost().scale() <= 2),
        "actualCost", "must be an amount of 0 or more with at most 2 decimals");
    List<String> wentWell = lessonLines(errors, "wentWell", review.wentWell());
    List<String> toImprove = lessonLines(errors, "toImprove", review.toImprove());
    List<String> tags = Tags.parse(review.lessonTags());
    // each lesson also gets went-well or to-improve
    Tags.check(errors, "lessonTags", tags, Tags.MAX - 1);
    errors.throwIfAny();

    Baseline baseline = details.currentBaseline();
    LifecycleRepository.ReviewRow row = new LifecycleRepository.ReviewRow(review.objectivesMet(),
        baseline.plannedFinish(), review.actualFinish(),
        (int) ChronoUnit.DAYS.between(baseline.plannedFinish(), review.actualFinish()),
        baseline.budgetAtCompletion(), review.actualCost(), baseline.budgetAtCompletion().subtract(review.actualCost()),
        review.wentWell().trim(), review.toImprove().trim());
    long reviewId = lifecycles.insertReview(projectId, row, actor.id(), now(), processInstanceId);
    audit.record(AuditEntry.created(StageGateAudit.POST_PROJECT_REVIEWED, reviewId, projectId, row));
    String category = details.project().category();
    List<NewLesson> lessons = new ArrayList<>();
    wentWell.forEach(text -> lessons.add(new NewLesson(projectId, category, withTag(WENT_WELL_TAG, tags), text)));
    toImprove.forEach(text -> lessons.add(new NewLesson(projectId, category, withTag(TO_IMPROVE_TAG, tags), text)));
    knowledge.record(lessons);
    projects.close(projectId);
    return reviewId;
  }

  /** The lessons of a review field: each non-blank line, without list bullets; at least one. */
  private static List<String> lessonLines(InputErrors errors, String field, String text) {
    errors.requireText(text, field, KnowledgeService.MAX_TEXT);
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<String> lines = text.lines().map(l -> l.replaceFirst("^\\s*([-*•]|\\d+[.)])\\s*", "").trim())
        .filter(l -> !l.isEmpty()).toList();
    errors.require(!lines.isEmpty(), field, "holds no lesson: write one lesson per line");
    return lines;
  }

  private static List<String> withTag(String first, List<String> tags) {
    return Stream.concat(Stream.of(first), tags.stream().filter(t -> !t.equals(first))).toList();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
