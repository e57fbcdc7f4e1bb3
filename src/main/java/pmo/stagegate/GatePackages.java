package pmo.stagegate;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.knowledge.KnowledgeService;
import pmo.knowledge.Lesson;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;
import pmo.platform.ConflictException;
import pmo.platform.InputErrors;
import pmo.platform.engine.CurrentActor;
import pmo.platform.engine.Var;
import pmo.project.Project;
import pmo.project.ProjectService;
import pmo.project.ProjectStatus;
import pmo.project.Rag;

/**
 * A gate's package: the form the project manager fills in, from the PMO's standard as it is when the package is due
 * (deliverables, who decides, at G1 the lessons of earlier projects), and its submission (checked, kept with the
 * deliverables template as it was, audited).
 */
@Service
class GatePackages {

  private final GateRepository gates;
  private final StageGateSettings settings;
  private final ProjectService projects;
  private final KnowledgeService knowledge;
  private final AuditLog audit;
  private final CurrentActor actor;
  private final Clock clock;

  GatePackages(GateRepository gates, StageGateSettings settings, ProjectService projects, KnowledgeService knowledge,
      AuditLog audit, CurrentActor actor, Clock clock) {
    this.gates = gates;
    this.settings = settings;
    this.projects = projects;
    this.knowledge = knowledge;
    this.audit = audit;
    this.actor = actor;
    this.clock = clock;
  }

  static final int MAX_TEXT = 4000;

  /** What the package form shows: the case, who decides, the gate's current deliverables (and, at G1, lessons). */
  record PackageForm(String subject, String board, String projectManager, List<Var.Option> deliverables,
      String lessons) {
  }

  /** What the audit trail keeps of a submission. */
  private record Submitted(long projectId, Gate gate, int attempt, List<String> deliverables, String links,
      String summary, Rag rag) {
  }

  /** The package form of a gate, from the PMO's standard as it is now (each time the package is due). */
  @Transactional(readOnly = true)
  public PackageForm preparePackage(long projectId, Gate gate) {
    Project project = projects.find(projectId);
    List<Var.Option> deliverables = settings.deliverables(gate).stream()
        .map(d -> new Var.Option(d.label(), d.key())).toList();
    String lessons = null;
    if (gate == Gate.G1) {
      List<Lesson> offered = knowledge.offeredTo(projectId, project.category(), settings.lessonsOffered());
      lessons = offered.isEmpty() ? "No lessons recorded yet by earlier " + project.category() + " projects."
          : offered.stream().map(l -> "- " + l.text() + " (" + l.projectCode() + ", " + String.join(", ", l.tags())
              + ")").collect(Collectors.joining("\n"));
    }
    return new PackageForm(subject(project, gate), settings.board(gate), project.manager(), deliverables, lessons);
  }

  /** Records the project manager's package for a gate. */
  @Transactional
  public void submitPackage(long projectId, Gate gate, GatePackageCommand command,
      String processInstanceId) {
    Project project = projects.find(projectId);
    requireOpen(project, "no gate package can be submitted for it");
    List<String> keys = settings.deliverables(gate).stream().map(StageGateSettings.Deliverable::key).toList();
    InputErrors errors = new InputErrors();
    List<String> ticked = command.deliverables() == null ? List.of() : command.deliverables();
    ticked.stream().filter(t -> !keys.contains(t)).forEach(t -> errors.add("deliverables",
        "'" + t + "' is not a deliverable of gate " + gate + " (" + String.join(", ", keys) + ")"));
    errors.requireText(command.summary(), "summary", MAX_TEXT);
    errors.require(command.rag() != null, GateReviewProcess.RAG.name(), "is required");
    checkLinks(errors, command.links());
    errors.throwIfAny();

    int attempt = gates.nextAttempt(projectId, gate);
    String submitter = actor.id();
    long id = gates.insertPackage(projectId, gate, attempt, command, submitter, now(), processInstanceId);
    List<StageGateSettings.Deliverable> template = settings.deliverables(gate);
    for (int i = 0; i < template.size(); i++) {
      StageGateSettings.Deliverable d = template.get(i);
      gates.insertDeliverable(id, i + 1, d.key(), d.label(), ticked.contains(d.key()));
    }
    audit.record(AuditEntry.created(StageGateAudit.GATE_PACKAGE_SUBMITTED, id, projectId, new Submitted(projectId, gate,
        attempt, ticked, command.links(), command.summary(), command.rag())));
  }

  static String subject(Project project, Gate gate) {
    return project.code() + " " + project.name() + " — gate " + gate;
  }
  private static void requireOpen(Project project, String consequence) {
    if (project.status() == ProjectStatus.CANCELLED || project.status() == ProjectStatus.COMPLETED) {
      throw new ConflictException("project " + project.code() + " is " + project.status().name().toLowerCase()
          + ": " + consequence);
    }
  }
  private static void checkLinks(InputErrors errors, String links) {
    if (links == null) {
      return;
    }
    errors.require(links.length() <= MAX_TEXT, "links", "must be at most " + MAX_TEXT + " characters");
    String[] lines = links.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
      if (!line.isEmpty() && !line.matches("https?://\\S+")) {
        errors.add("links", "line " + (i + 1) + " is not an http(s) link: '" + line + "'");
      }
    }
  }
  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
