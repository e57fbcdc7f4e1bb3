package pmo.stagegate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import pmo.project.ProjectStatus;
import pmo.project.Rag;
import pmo.project.Stage;

/** A project's gates with their history (/api/projects/{id}/gates), oldest first. */
public record ProjectGates(long projectId, String projectCode, String projectName, Stage stage, ProjectStatus status,
    List<GateHistory> gates) {

  /** One gate: its board and, once decided, its outcome (GO or KILL); every package submitted for it. */
  public record GateHistory(Gate gate, String title, String board, GateDecision outcome,
      List<PackageHistory> packages) {
  }

  /** A gate package with the must-meet checks made on it and the board's decisions about it. */
  public record PackageHistory(long id, int attempt, String summary, String links, Rag rag, String submittedBy,
      OffsetDateTime submittedAt, List<Deliverable> deliverables, List<Check> checks, List<Decision> decisions) {
  }

  public record Deliverable(String deliverable, String label, boolean delivered) {
  }

  /** An evaluation of gate-criteria.dmn: on SUBMISSION, on REOPENING after a hold, at the DECISION. */
  public record Check(long id, String occasion, boolean passed, Map<String, Object> facts,
      List<CriterionResult> criteria, OffsetDateTime checkedAt) {
  }

  /** A board decision with its scores and the must-meet results it was taken on. */
  public record Decision(long id, GateDecision decision, String notes, LocalDate holdUntil, BigDecimal totalScore,
      List<Score> scores, long checkId, List<CriterionResult> criteria, String decidedBy, OffsetDateTime decidedAt) {
  }

  public record Score(String criterion, String label, BigDecimal weight, int score) {
  }
}
