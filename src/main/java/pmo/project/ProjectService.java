package pmo.project;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.audit.AuditService;
import pmo.platform.AuditEntry;
import pmo.platform.CommandValidator;
import pmo.platform.ConflictException;
import pmo.platform.InputErrors;
import pmo.platform.NotFoundException;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.engine.CurrentActor;
import pmo.platform.identity.Directory;

/**
 * The project registry: registration with baseline v1, baseline versions, stage and status changes, reads. Every write
 * is audited.
 *
 * <p>Longer than 200 lines because it holds every transition of the project row (stage, status, RAG, baselines), each a
 * short lock-check-write-audit; one place keeps their lock order and audit alike.
 */
@Service
public class ProjectService {

  public static final String ENTITY = "PROJECT";
  public static final String BASELINE_ENTITY = "PROJECT_BASELINE";
  static final String MANAGER_GROUP = "project-managers";

  private final ProjectRepository projects;
  private final AuditService audit;
  private final CommandValidator validator;
  private final Directory directory;
  private final ProjectSettings settings;
  private final CurrentActor actor;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  ProjectService(ProjectRepository projects, AuditService audit, CommandValidator validator, Directory directory,
      ProjectSettings settings, CurrentActor actor, Clock clock, ApplicationEventPublisher events) {
    this.projects = projects;
    this.audit = audit;
    this.validator = validator;
    this.directory = directory;
    this.settings = settings;
    this.actor = actor;
    this.clock = clock;
    this.events = events;
  }

  /**
   * Registers a project in stage INITIATION with its baseline version 1 and announces it ({@link ProjectRegistered})
   * to the other capabilities, inside this transaction.
   */
  @Transactional
  public ProjectDetails register(NewProject command) {
    InputErrors errors = validator.check(command);
    if (!errors.has("sponsor")) {
      directory.checkUser(errors, "sponsor", command.sponsor(), null);
    }
    if (command.manager() != null && !command.manager().isBlank()) {
      directory.checkUser(errors, "manager", command.manager(), MANAGER_GROUP);
    }
    if (command.category() != null && !errors.has("category") && !settings.categories().contains(command.category())) {
      errors.add("category", "must be one of " + settings.categories());
    }
    checkDates(errors, command.plannedStart(), command.plannedFinish());
    errors.throwIfAny();
    if (command.code() != null && projects.codeExists(command.code())) {
      // a taken code is a conflict with another record (409), as when two registrations race for it (unique key)
      throw ConflictException.taken("code", "is already used by another project");
    }

    OffsetDateTime now = now();
    long id = projects.insert(command, now);
    NewBaseline first = new NewBaseline(command.budgetAtCompletion(), command.plannedStart(), command.plannedFinish(),
        command.scopeSummary(), "Initial baseline at registration", null);
    projects.insertBaseline(id, 1, first, actor.id(), now);
    ProjectDetails created = get(id);
    audit.record(AuditEntry.created(ProjectAudit.PROJECT_REGISTERED, id, id, created.project()));
    audit.record(AuditEntry.created(ProjectAudit.BASELINE_CREATED, created.currentBaseline().id(), id,
        created.currentBaseline()));
    events.publishEvent(new ProjectRegistered(id));
    return created;
  }

  /**
   * Adds the next baseline version (for example after an approved change). The project row is locked first, so two
   * changes approved at the same moment get consecutive versions instead of colliding.
   */
  @Transactional
  public Baseline addBaseline(long projectId, NewBaseline command) {
    InputErrors errors = validator.check(command);
    checkDates(errors, command.plannedStart(), command.plannedFinish());
    errors.throwIfAny();
    Project project = projects.lock(projectId).orElseThrow(() -> new NotFoundException("project", projectId));
    Baseline previous = currentBaseline(projectId);
    projects.insertBaseline(projectId, previous.version() + 1, command, actor.id(), now());
    Project moved = project.withDates(command.plannedStart(), command.plannedFinish());
    projects.update(moved, now());
    Baseline created = currentBaseline(projectId);
    audit.record(AuditEntry.changed(ProjectAudit.BASELINE_CREATED, created.id(), projectId, previous, created));
    audit.record(AuditEntry.changed(ProjectAudit.PROJECT_REBASELINED, projectId, projectId, project, find(projectId)));
    return created;
  }

  /**
   * Locks the project's row until the transaction ends. By the lock order ({@link pmo.platform.RowLocks}) a step that
   * will change the project locks it before it locks any of the project's cases.
   */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  public Project lock(long id) {
    return projects.lock(id).orElseThrow(() -> new NotFoundException("project", id));
  }

  /** Moves a project to another lifecycle stage (gate decisions; the demo portfolio). */
  @Transactional
  public Project moveToStage(long id, Stage stage) {
    Project before = projects.lock(id).orElseThrow(() -> new NotFoundException("project", id));
    projects.update(before.with(stage, before.status()), now());
    Project after = find(id);
    audit.record(AuditEntry.changed(ProjectAudit.PROJECT_STAGE_CHANGED, id, id, before, after));
    events.publishEvent(new ProjectStatusChanged(id, after.stage(), after.status()));
    return after;
  }

  /**
   * Cancels a project with a reason and tells the other capabilities ({@link ProjectCancelled}), which close their
   * open work for it in this same transaction.
   */
  @Transactional
  public Project cancel(long id, String reason) {
    new InputErrors().requireText(reason, "reason", 2000).throwIfAny();
    Project before = projects.lock(id).orElseThrow(() -> new NotFoundException("project", id));
    if (before.status() == ProjectStatus.CANCELLED) {
      throw new ConflictException("project " + id + " is already cancelled");
    }
    projects.update(before.with(before.stage(), ProjectStatus.CANCELLED), now());
    Project after = find(id);
    audit.record(AuditEntry.changed(ProjectAudit.PROJECT_CANCELLED, id, id, before, after));
    events.publishEvent(new ProjectCancelled(id, reason));
    return after;
  }

  /** Pauses an active project (a Hold decision at a gate); {@link #resume} makes it active again. */
  @Transactional
  public Project putOnHold(long id) {
    return changeStatus(id, ProjectStatus.ACTIVE, ProjectStatus.ON_HOLD, ProjectAudit.PROJECT_PUT_ON_HOLD);
  }

  /** Makes a project on hold active again (the hold period of a gate review is over). */
  @Transactional
  public Project resume(long id) {
    return changeStatus(id, ProjectStatus.ON_HOLD, ProjectStatus.ACTIVE, ProjectAudit.PROJECT_RESUMED);
  }

  /**
   * Closes a project at the end of its lifecycle: stage CLOSED; an active project becomes COMPLETED, a cancelled one
   * stays CANCELLED.
   */
  @Transactional
  public Project close(long id) {
    Project before = projects.lock(id).orElseThrow(() -> new NotFoundException("project", id));
    if (before.stage() == Stage.CLOSED) {
      throw new ConflictException("project " + id + " is already closed");
    }
    if (before.status() == ProjectStatus.ON_HOLD) {
      throw new ConflictException("project " + id + " is on hold and cannot be closed");
    }
    ProjectStatus status = before.status() == ProjectStatus.CANCELLED ? ProjectStatus.CANCELLED
        : ProjectStatus.COMPLETED;
    projects.update(before.with(Stage.CLOSED, status), now());
    Project after = find(id);
    audit.record(AuditEntry.changed(ProjectAudit.PROJECT_CLOSED, id, id, before, after));
    events.publishEvent(new ProjectStatusChanged(id, after.stage(), after.status()));
    return after;
  }

  private Project changeStatus(long id, ProjectStatus from, ProjectStatus to, ProjectAudit action) {
    Project before = projects.lock(id).orElseThrow(() -> new NotFoundException("project", id));
    if (before.status() != from) {
      throw new ConflictException("project " + id + " is " + before.status() + ", not " + from);
    }
    projects.update(before.with(before.stage(), to), now());
    Project after = find(id);
    audit.record(AuditEntry.changed(action, id, id, before, after));
    events.publishEvent(new ProjectStatusChanged(id, after.stage(), after.status()));
    return after;
  }

  /**
   * Sets the project's RAG to the overall RAG of a status report, as of the date the report holds for, and adds it to
   * the project's RAG history. The project row is locked first (RowLocks' order). A report older than the RAG the
   * project already shows goes into the history but leaves the project's RAG alone, so the project always shows its
   * latest report's RAG.
   */
  @Transactional
  public Project recordRag(long id, Rag rag, java.time.LocalDate asOf, String source, Long sourceId) {
    InputErrors errors = new InputErrors();
    errors.require(rag != null, "rag", "is required");
    errors.require(asOf != null, "asOf", "is required");
    errors.require(source != null && !source.isBlank() && source.length() <= 40, "source",
        "is required, at most 40 characters");
    errors.throwIfAny();
    Project before = projects.lock(id).orElseThrow(() -> new NotFoundException("project", id));
    OffsetDateTime now = now();
    projects.insertRagHistory(id, rag, asOf, source, sourceId, actor.id(), now);
    if (before.ragAsOf() != null && asOf.isBefore(before.ragAsOf())) {
      return before;
    }
    projects.update(before.withRag(rag, asOf), now);
    Project after = find(id);
    audit.record(AuditEntry.changed(ProjectAudit.PROJECT_RAG_CHANGED, id, id, before, after));
    return after;
  }

  /** The project's RAG history, oldest first. */
  @Transactional(readOnly = true)
  public java.util.List<RagChange> ragHistory(long id) {
    find(id);
    return projects.ragHistory(id);
  }

  /**
   * Checks that {@code projectId} names a running project ({@link Project#isRunning()}) and adds an error on
   * {@code field} otherwise, saying what the project is needed for; returns the project when it exists, running or
   * not.
   */
  @Transactional(readOnly = true)
  public java.util.Optional<Project> checkRunning(InputErrors errors, String field, Long projectId,
      String neededFor) {
    if (projectId == null) {
      errors.add(field, "is required");
      return java.util.Optional.empty();
    }
    java.util.Optional<Project> project = projects.find(projectId);
    if (project.isEmpty()) {
      errors.add(field, "unknown project " + projectId);
      return java.util.Optional.empty();
    }
    Project p = project.get();
    if (!p.isRunning()) {
      errors.add(field, "project " + p.code() + " is " + (p.stage() == Stage.CLOSED ? "CLOSED" : p.status().name())
          + ": " + neededFor);
    }
    return project;
  }

  /** One baseline version of the project (a change request's figures are measured against the one it assessed). */
  @Transactional(readOnly = true)
  public java.util.Optional<Baseline> baseline(long projectId, int version) {
    return projects.baseline(projectId, version);
  }

  /** The project's current baseline: its newest version (every project has version 1 from its registration). */
  @Transactional(readOnly = true)
  public Baseline currentBaseline(long projectId) {
    return projects.currentBaseline(projectId).orElseThrow(() -> new NotFoundException("project", projectId));
  }

  @Transactional(readOnly = true)
  public ProjectDetails get(long id) {
    Project project = find(id);
    return new ProjectDetails(project, projects.baselines(id));
  }

  /** The project with this code (PRJ-00001), if any. */
  @Transactional(readOnly = true)
  public java.util.Optional<Project> findByCode(String code) {
    return code == null ? java.util.Optional.empty() : projects.findByCode(code);
  }

  @Transactional(readOnly = true)
  public Project find(long id) {
    return projects.find(id).orElseThrow(() -> new NotFoundException("project", id));
  }

  @Transactional(readOnly = true)
  public Page<Project> list(ProjectFilter filter, PageRequest page) {
    return projects.list(filter, page);
  }

  private static void checkDates(InputErrors errors, java.time.LocalDate start, java.time.LocalDate finish) {
    if (start != null && finish != null && finish.isBefore(start)) {
      errors.add("plannedFinish", "must not be before plannedStart (" + start + ")");
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
