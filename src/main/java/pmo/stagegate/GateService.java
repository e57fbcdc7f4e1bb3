package pmo.stagegate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.audit.AuditService;
import pmo.knowledge.KnowledgeService;
import pmo.knowledge.Lesson;
import pmo.platform.ConflictException;
import pmo.platform.engine.CurrentActor;
import pmo.platform.InputErrors;
import pmo.platform.NotFoundException;
import pmo.platform.ReadRule;
import pmo.platform.Roles;
import pmo.platform.Viewer;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import pmo.platform.engine.Var;
import pmo.project.Project;
import pmo.project.ProjectService;
import pmo.project.ProjectStatus;
import pmo.project.Rag;

/**
 * Gate reviews: opening a review with the gate's standard, the project manager's package, the must-meet check
 * (gate-criteria.dmn on the project's facts) and the board's decision with its effect on the project (Go: next stage;
 * Kill: cancelled; Hold: on hold until resumed). Every write is audited; bad input is rejected before anything is
 * written.
 */
@Service
public class GateService {

  static final String PACKAGE_ENTITY = "GATE_PACKAGE";
  static final String CHECK_ENTITY = "GATE_CHECK";
  static final String DECISION_ENTITY = "GATE_DECISION";
  static final int MAX_TEXT = 4000;
  static final int MAX_HOLD_DAYS = 366;

  private final GateRepository gates;
  private final GateFacts facts;
  private final GateCriteria criteria;
  private final StageGateSettings settings;
  private final ProjectService projects;
  private final KnowledgeService knowledge;
  private final AuditService audit;
  private final CurrentActor actor;
  private final ObjectMapper json;
  private final JdbcClient jdbc;
  private final Clock clock;

  GateService(GateRepository gates, GateFacts facts, GateCriteria criteria, StageGateSettings settings,
      ProjectService projects, KnowledgeService knowledge, AuditService audit, CurrentActor actor, ObjectMapper json,
      JdbcClient jdbc, Clock clock) {
    this.gates = gates;
    this.facts = facts;
    this.criteria = criteria;
    this.settings = settings;
    this.projects = projects;
    this.knowledge = knowledge;
    this.audit = audit;
    this.actor = actor;
    this.json = json;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** What the package form shows: the case, who decides, the gate's current deliverables (and, at G1, lessons). */
  record PackageForm(String subject, String board, String projectManager, List<Var.Option> deliverables,
      String lessons) {
  }

  /**
   * The outcome of a must-meet check: passed or not, the results as text, what to rework when not, and the gate's
   * current should-meet criteria for the board.
   */
  record CheckOutcome(boolean passed, String results, String reworkNotes, List<Var.Option> shouldMeet) {
  }

  // what the audit trail keeps of each write
  private record Submitted(long projectId, Gate gate, int attempt, List<String> deliverables, String links,
      String summary, String rag) {
  }

  private record Checked(long packageId, Gate gate, String occasion, boolean passed, List<CriterionResult> criteria) {
  }

  private record Decided(long packageId, Gate gate, GateDecision decision, List<Integer> scores, BigDecimal totalScore,
      String notes, LocalDate holdUntil) {
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

  /** A recorded package and who submitted it. */
  record PackageRecorded(long id, String submittedBy) {
  }

  /** Records the project manager's package for a gate. */
  @Transactional
  public PackageRecorded submitPackage(long projectId, Gate gate, GatePackageCommand command, String processInstanceId) {
    Project project = projects.find(projectId);
    requireOpen(project, "no gate package can be submitted for it");
    List<String> keys = settings.deliverables(gate).stream().map(StageGateSettings.Deliverable::key).toList();
    InputErrors errors = new InputErrors();
    List<String> ticked = command.deliverables() == null ? List.of() : command.deliverables();
    ticked.stream().filter(t -> !keys.contains(t)).forEach(t -> errors.add("deliverables",
        "'" + t + "' is not a deliverable of gate " + gate + " (" + String.join(", ", keys) + ")"));
    errors.requireText(command.summary(), "summary", MAX_TEXT);
    errors.require(command.rag() != null && Arrays.stream(Rag.values()).anyMatch(r -> r.name().equals(command.rag())),
        "rag", "must be one of GREEN, AMBER, RED");
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
    audit.record("GATE_PACKAGE_SUBMITTED", PACKAGE_ENTITY, id, projectId, null, new Submitted(projectId, gate,
        attempt, ticked, command.links(), command.summary(), command.rag()));
    return new PackageRecorded(id, submitter);
  }

  /**
   * Checks the must-meet criteria of the package's gate on the project's current facts and records the result: on
   * submission, or when the review re-opens after a hold.
   */
  @Transactional
  public CheckOutcome check(long packageId) {
    GateRepository.PackageRow pkg = gates.findPackage(packageId)
        .orElseThrow(() -> new NotFoundException("gate package", packageId));
    Gate gate = Gate.valueOf(pkg.gate());
    String occasion = gates.hasDecision(packageId, GateDecision.HOLD) ? "REOPENING" : "SUBMISSION";
    Map<String, Object> known = facts.collect(pkg.projectId(), gate);
    List<CriterionResult> results = criteria.evaluate(known);
    long checkId = record(pkg, gate, occasion, known, results);
    boolean passed = results.stream().allMatch(CriterionResult::passed);
    String rework = passed ? null : "Sent back: must-meet criteria of gate " + gate + " not met:\n"
        + results.stream().filter(r -> !r.passed()).map(r -> "- " + r.label() + ": " + r.advice())
            .collect(Collectors.joining("\n"));
    audit.record("GATE_CHECKED", CHECK_ENTITY, checkId, pkg.projectId(), null,
        new Checked(packageId, gate, occasion, passed, results));
    List<Var.Option> shouldMeet = settings.shouldMeet(gate).stream()
        .map(c -> new Var.Option(c.label() + " (weight " + percent(c.weight()) + ")", c.key())).toList();
    return new CheckOutcome(passed, resultsText(results), rework, shouldMeet);
  }

  /**
   * Records the board's decision on a package and applies it to the project, after checking the decision, the
   * scores and, for Go, the must-meet criteria once more on the facts as they are now.
   */
  @Transactional
  public GateDecision decide(long packageId, BoardDecisionCommand command, String processInstanceId) {
    GateRepository.PackageRow pkg = gates.findPackage(packageId)
        .orElseThrow(() -> new NotFoundException("gate package", packageId));
    Gate gate = Gate.valueOf(pkg.gate());
    Project project = projects.find(pkg.projectId());
    requireOpen(project, "no gate decision can be taken on it");
    if (gates.gateClosed(pkg.projectId(), gate) || pkg.attempt() != gates.latestAttempt(pkg.projectId(), gate)) {
      throw new ConflictException("gate " + gate + " package " + packageId + " was already decided or replaced");
    }
    InputErrors errors = new InputErrors();
    GateDecision decision = GateDecision.of(command.decision(), errors, "gateDecision");
    List<StageGateSettings.ShouldMeet> shouldMeet = settings.shouldMeet(gate);
    List<Integer> scores = checkScores(errors, gate, shouldMeet, command.scores());
    String notes = command.notes() == null || command.notes().isBlank() ? null : command.notes().trim();
    errors.require(notes == null || notes.length() <= MAX_TEXT, "decisionNotes",
        "must be at most " + MAX_TEXT + " characters");
    if (decision == GateDecision.KILL || decision == GateDecision.RECYCLE) {
      errors.require(notes != null, "decisionNotes", decision == GateDecision.KILL
          ? "is required to kill: the reason for cancelling the project"
          : "is required to recycle: what to rework before the gate again");
    }
    LocalDate holdUntil = decision == GateDecision.HOLD ? command.holdUntil() : null;
    if (decision == GateDecision.HOLD) {
      LocalDate today = LocalDate.now(clock);
      errors.require(holdUntil != null, "holdUntil", "is required to hold: the date the review re-opens");
      errors.require(holdUntil == null || holdUntil.isAfter(today), "holdUntil", "must be after today (" + today + ")");
      errors.require(holdUntil == null || !holdUntil.isAfter(today.plusDays(MAX_HOLD_DAYS)), "holdUntil",
          "must be within a year");
    }
    Map<String, Object> known = facts.collect(pkg.projectId(), gate);
    List<CriterionResult> results = criteria.evaluate(known);
    if (decision == GateDecision.GO) {
      results.stream().filter(r -> !r.passed()).forEach(r -> errors.add("gateDecision",
          "Go is not possible while the must-meet criterion '" + r.label() + "' fails (" + r.advice()
              + "); decide recycle, hold or kill"));
    }
    errors.throwIfAny();

    long checkId = record(pkg, gate, "DECISION", known, results);
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0; i < shouldMeet.size(); i++) {
      total = total.add(shouldMeet.get(i).weight().multiply(BigDecimal.valueOf(scores.get(i))));
    }
    total = total.setScale(3, RoundingMode.HALF_UP);
    long decisionId = gates.insertDecision(packageId, checkId, pkg.projectId(), gate, decision, notes, holdUntil,
        total, actor.id(), now(), processInstanceId);
    for (int i = 0; i < shouldMeet.size(); i++) {
      StageGateSettings.ShouldMeet c = shouldMeet.get(i);
      gates.insertScore(decisionId, i + 1, c.key(), c.label(), c.weight(), scores.get(i));
    }
    audit.record("GATE_DECIDED", DECISION_ENTITY, decisionId, pkg.projectId(), null,
        new Decided(packageId, gate, decision, scores, total, notes, holdUntil));
    switch (decision) {
      case GO -> projects.moveToStage(pkg.projectId(), gate.opens);
      case KILL -> projects.cancel(pkg.projectId(), "Killed at gate " + gate + ": " + notes);
      case HOLD -> projects.putOnHold(pkg.projectId());
      case RECYCLE -> { }
    }
    return decision;
  }

  /** The hold period of a review is over: the project is active again (unless someone resumed it already). */
  @Transactional
  public void resumeAfterHold(long projectId) {
    if (projects.find(projectId).status() == ProjectStatus.ON_HOLD) {
      projects.resume(projectId);
    }
  }

  /**
   * Who reads a project's gate history: the PMO, auditors and the steering committee (gate boards) for every project;
   * everybody else for the projects they manage or sponsor, or submitted a package for.
   */
  static final ReadRule READ = new ReadRule(Set.of(Roles.PMO, Roles.AUDITORS, Roles.STEERING_COMMITTEE), "project",
      "manager = :viewer", "sponsor = :viewer",
      "exists (select 1 from gate_package g where g.project_id = project.id and g.submitted_by = :viewer)");

  /** Each gate of a project with its history: packages, must-meet checks, decisions with scores. */
  @Transactional(readOnly = true)
  public ProjectGates history(long projectId, Viewer viewer) {
    Project project = projects.find(projectId);
    if (!READ.sees(jdbc, projectId, viewer)) {
      throw NotFoundException.notVisible("gate history of project", projectId);
    }
    return new GateHistoryReader(gates, settings, json).read(project);
  }

  // ---

  static String subject(Project project, Gate gate) {
    return project.code() + " " + project.name() + " — gate " + gate;
  }

  private static void requireOpen(Project project, String consequence) {
    if (project.status() == ProjectStatus.CANCELLED || project.status() == ProjectStatus.COMPLETED) {
      throw new ConflictException("project " + project.code() + " is " + project.status().name().toLowerCase()
          + ": " + consequence);
    }
  }

  private static List<Integer> checkScores(InputErrors errors, Gate gate, List<StageGateSettings.ShouldMeet> shouldMeet,
      List<BigDecimal> given) {
    List<Integer> scores = new ArrayList<>();
    for (int i = 0; i < StageGateSettings.SCORE_SLOTS; i++) {
      String field = GateReviewProcess.SCORES.get(i).name();
      BigDecimal score = given != null && i < given.size() ? given.get(i) : null;
      if (i >= shouldMeet.size()) {
        errors.require(score == null, field, "gate " + gate + " has only " + shouldMeet.size() + " should-meet criteria");
        continue;
      }
      String criterion = " (" + shouldMeet.get(i).label() + ")";
      if (score == null) {
        errors.add(field, "is required" + criterion);
      } else if (score.stripTrailingZeros().scale() > 0 || score.compareTo(BigDecimal.ONE) < 0
          || score.compareTo(BigDecimal.valueOf(5)) > 0) {
        errors.add(field, "must be a whole number from 1 to 5, not " + score.stripTrailingZeros().toPlainString()
            + criterion);
      } else {
        scores.add(score.intValueExact());
      }
    }
    return scores;
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

  private long record(GateRepository.PackageRow pkg, Gate gate, String occasion, Map<String, Object> known,
      List<CriterionResult> results) {
    long checkId = gates.insertCheck(pkg.id(), pkg.projectId(), gate, occasion,
        results.stream().allMatch(CriterionResult::passed), toJson(known), now());
    for (int i = 0; i < results.size(); i++) {
      gates.insertCriterion(checkId, i + 1, results.get(i));
    }
    return checkId;
  }

  private static String resultsText(List<CriterionResult> results) {
    if (results.isEmpty()) {
      return "This gate has no must-meet criteria.";
    }
    return results.stream().map(r -> (r.passed() ? "met: " : "NOT met: ") + r.label())
        .collect(Collectors.joining("\n"));
  }

  private static String percent(BigDecimal weight) {
    return weight.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the gate facts as JSON", e);
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
