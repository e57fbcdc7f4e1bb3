package pmo.stagegate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;
import pmo.platform.NotFoundException;
import pmo.platform.engine.Var;

/**
 * The must-meet criteria of a gate (processes/gate-criteria.dmn) on the project's facts as they are now: checked on
 * submission, when a review re-opens after a hold, and at the board's decision; every check is kept with the facts it
 * saw and audited.
 */
@Service
class MustMeetCheck {

  private final GateRepository gates;
  private final GateFacts facts;
  private final GateCriteria criteria;
  private final StageGateSettings settings;
  private final AuditLog audit;
  private final ObjectMapper json;
  private final Clock clock;

  MustMeetCheck(GateRepository gates, GateFacts facts, GateCriteria criteria, StageGateSettings settings, AuditLog audit,
      ObjectMapper json, Clock clock) {
    this.gates = gates;
    this.facts = facts;
    this.criteria = criteria;
    this.settings = settings;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  /**
   * The outcome of a must-meet check: passed or not, the results as text, what to rework when not, and the gate's
   * current should-meet criteria for the board.
   */
  record CheckOutcome(boolean passed, String results, String reworkNotes, List<Var.Option> shouldMeet) {
  }

  /** What the audit trail keeps of a check. */
  private record Checked(long packageId, Gate gate, String occasion, boolean passed, List<CriterionResult> criteria) {
  }

  /**
   * Checks the must-meet criteria of the package's gate on the project's current facts and records the result: on
   * submission, or when the review re-opens after a hold.
   */
  @Transactional
  public CheckOutcome check(long packageId) {
    GateRepository.PackageRow pkg = gates.findPackage(packageId)
        .orElseThrow(() -> new NotFoundException("gate package", packageId));
    Gate gate = pkg.gate();
    String occasion = gates.hasDecision(packageId, GateDecision.HOLD) ? "REOPENING" : "SUBMISSION";
    Map<String, Object> known = facts.collect(pkg.projectId(), gate);
    List<CriterionResult> results = criteria.evaluate(known);
    long checkId = record(pkg, gate, occasion, known, results);
    boolean passed = results.stream().allMatch(CriterionResult::passed);
    String rework = passed ? null : "Sent back: must-meet criteria of gate " + gate + " not met:\n"
        + results.stream().filter(r -> !r.passed()).map(r -> "- " + r.label() + ": " + r.advice())
            .collect(Collectors.joining("\n"));
    audit.record(AuditEntry.created(StageGateAudit.GATE_CHECKED, checkId, pkg.projectId(), new Checked(packageId,
        gate, occasion, passed, results)));
    List<Var.Option> shouldMeet = settings.scoredByBoard(gate).stream()
        .map(c -> new Var.Option(c.label() + " (weight " + percent(c.weight()) + ")", c.key())).toList();
    return new CheckOutcome(passed, resultsText(results), rework, shouldMeet);
  }

  /** The facts and criteria of a package's gate now, and their check recorded for an occasion; returns its id. */
  long recordNow(GateRepository.PackageRow pkg, Gate gate, String occasion, Map<String, Object> known,
      List<CriterionResult> results) {
    return record(pkg, gate, occasion, known, results);
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
