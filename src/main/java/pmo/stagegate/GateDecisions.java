package pmo.stagegate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;
import pmo.platform.ConflictException;
import pmo.platform.InputErrors;
import pmo.platform.NotFoundException;
import pmo.platform.engine.CurrentActor;
import pmo.project.Project;
import pmo.project.ProjectService;
import pmo.project.ProjectStatus;

/**
 * The gate board's decision on a package: Go (next stage), Kill (project cancelled, its open work closed), Hold
 * (on hold until the chosen date) or Recycle (back with rework notes), after checking the decision, the scores of the
 * should-meet criteria and, for Go, the must-meet criteria once more on the facts as they are now; and the end of a
 * hold.
 */
@Service
class GateDecisions {

  private final GateRepository gates;
  private final GateFacts facts;
  private final GateCriteria criteria;
  private final MustMeetCheck checks;
  private final StageGateSettings settings;
  private final ProjectService projects;
  private final AuditLog audit;
  private final CurrentActor actor;
  private final Clock clock;

  GateDecisions(GateRepository gates, GateFacts facts, GateCriteria criteria, MustMeetCheck checks, StageGateSettings settings,
      ProjectService projects, AuditLog audit, CurrentActor actor, Clock clock) {
    this.gates = gates;
    this.facts = facts;
    this.criteria = criteria;
    this.checks = checks;
    this.settings = settings;
    this.projects = projects;
    this.audit = audit;
    this.actor = actor;
    this.clock = clock;
  }

  static final int MAX_HOLD_DAYS = 366;

  /** What the audit trail keeps of a decision. */
  private record Decided(long packageId, Gate gate, GateDecision decision, List<Integer> scores, BigDecimal totalScore,
      String notes, LocalDate holdUntil) {
  }

  /**
   * Records the board's decision on a package and applies it to the project, after checking the decision, the
   * scores and, for Go, the must-meet criteria once more on the facts as they are now.
   */
  @Transactional
  public GateDecision decide(long packageId, BoardDecisionCommand command, String processInstanceId) {
    GateRepository.PackageRow pkg = gates.findPackage(packageId)
        .orElseThrow(() -> new NotFoundException("gate package", packageId));
    Gate gate = pkg.gate();
    Project project = projects.find(pkg.projectId());
    requireOpen(project, "no gate decision can be taken on it");
    if (gates.gateClosed(pkg.projectId(), gate) || pkg.attempt() != gates.latestAttempt(pkg.projectId(), gate)) {
      throw new ConflictException("gate " + gate + " package " + packageId + " was already decided or replaced");
    }
    InputErrors errors = new InputErrors();
    GateDecision decision = command.decision();
    errors.require(decision != null, GateReviewProcess.GATE_DECISION.name(), "is required");
    List<StageGateSettings.ShouldMeet> shouldMeet = settings.shouldMeet(gate);
    List<Integer> boardScores = checkScores(errors, gate, settings.scoredByBoard(gate), command.scores());
    String notes = command.notes() == null || command.notes().isBlank() ? null : command.notes().trim();
    errors.require(notes == null || notes.length() <= GatePackages.MAX_TEXT, "decisionNotes",
        "must be at most " + GatePackages.MAX_TEXT + " characters");
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
    List<Integer> scores = ShouldMeetScores.of(shouldMeet, boardScores, known);

    long checkId = checks.recordNow(pkg, gate, "DECISION", known, results);
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
    audit.record(AuditEntry.created(StageGateAudit.GATE_DECIDED, decisionId, pkg.projectId(), new Decided(packageId,
        gate, decision, scores, total, notes, holdUntil)));
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
        errors.require(score == null, field,
            "gate " + gate + " has only " + shouldMeet.size() + " should-meet criteria");
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
  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
