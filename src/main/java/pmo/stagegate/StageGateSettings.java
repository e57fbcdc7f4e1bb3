package pmo.stagegate;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import pmo.project.ProjectFacts;

/**
 * {@code pmo.stagegate.*} (config/application.yaml): the PMO's standard for each gate, which the PMO changes without
 * code: the board that decides, the deliverables of the gate package and the should-meet criteria the board scores.
 * Checked at start-up, so a broken standard stops the application with a message instead of breaking a gate review.
 */
@ConfigurationProperties("pmo.stagegate")
record StageGateSettings(
    Map<Gate, String> boards,
    Map<Gate, List<Deliverable>> deliverables,
    Map<Gate, List<ShouldMeet>> shouldMeet,
    Integer lessonsOffered) {

  /** The decision form has this many score fields; a gate can have at most this many should-meet criteria. */
  static final int SCORE_SLOTS = 8;

  /** A standard deliverable; ticking it in the package makes {@code fact} (if any) true for gate-criteria.dmn. */
  record Deliverable(String key, String label, String fact) {
  }

  /**
   * A should-meet criterion, scored 1 to 5; the weights of a gate sum to 1. The board scores it, unless it names a
   * {@code fact}: a yes/no fact of the project ({@link ProjectFacts}, such as {@code managerTrained}) that scores it by
   * itself, 5 when true and 1 when false, on the facts as they are when the board decides.
   */
  record ShouldMeet(String key, String label, BigDecimal weight, String fact) {

    boolean byBoard() {
      return fact == null;
    }
  }

  StageGateSettings {
    boards = boards == null ? Map.of() : new EnumMap<>(boards);
    deliverables = deliverables == null ? Map.of() : new EnumMap<>(deliverables);
    shouldMeet = shouldMeet == null ? Map.of() : new EnumMap<>(shouldMeet);
    lessonsOffered = lessonsOffered == null ? 5 : lessonsOffered;
    for (Gate gate : Gate.values()) {
      String where = "pmo.stagegate.%s." + gate;
      require(boards.get(gate) != null && !boards.get(gate).isBlank(), where.formatted("boards") + " is not set");
      List<Deliverable> items = deliverables.getOrDefault(gate, List.of());
      require(!items.isEmpty(), where.formatted("deliverables") + " is empty");
      Set<String> keys = new HashSet<>();
      for (Deliverable d : items) {
        require(d.key() != null && d.key().matches("[A-Za-z][A-Za-z0-9_-]{0,59}") && keys.add(d.key()),
            where.formatted("deliverables") + ": '" + d.key() + "' is not a unique key (letters, digits, - and _)");
        require(d.label() != null && !d.label().isBlank() && d.label().length() <= 200,
            where.formatted("deliverables") + "." + d.key() + " needs a label of at most 200 characters");
        require(d.fact() == null || StageGateFacts.CHARTER_APPROVED.equals(d.fact())
            || StageGateFacts.ACCEPTANCE_SIGNED.equals(d.fact()), where.formatted("deliverables") + "." + d.key()
            + ": fact '" + d.fact() + "' is none of the facts gate-criteria.dmn reads (" + StageGateFacts.CHARTER_APPROVED
            + ", " + StageGateFacts.ACCEPTANCE_SIGNED + ")");
      }
      List<ShouldMeet> criteria = shouldMeet.getOrDefault(gate, List.of());
      require(!criteria.isEmpty() && criteria.stream().filter(ShouldMeet::byBoard).count() <= SCORE_SLOTS,
          where.formatted("should-meet") + " needs 1 to " + SCORE_SLOTS + " criteria the board scores");
      Set<String> criterionKeys = new HashSet<>();
      BigDecimal sum = BigDecimal.ZERO;
      for (ShouldMeet c : criteria) {
        require(c.key() != null && c.key().matches("[A-Za-z][A-Za-z0-9_-]{0,59}") && criterionKeys.add(c.key()),
            where.formatted("should-meet") + ": '" + c.key() + "' is not a unique key");
        require(c.label() != null && !c.label().isBlank() && c.label().length() <= 200,
            where.formatted("should-meet") + "." + c.key() + " needs a label of at most 200 characters");
        require(c.weight() != null && c.weight().signum() > 0,
            where.formatted("should-meet") + "." + c.key() + " needs a weight above 0");
        require(c.byBoard() || ProjectFacts.NONE.asVariables().get(c.fact()) instanceof Boolean,
            where.formatted("should-meet") + "." + c.key() + ": fact '" + c.fact() + "' is no yes/no fact of a project"
                + " (ProjectFacts)");
        sum = sum.add(c.weight());
      }
      require(sum.compareTo(BigDecimal.ONE) == 0,
          where.formatted("should-meet") + ": the weights sum to " + sum.stripTrailingZeros().toPlainString()
              + ", not 1");
    }
    require(lessonsOffered >= 0 && lessonsOffered <= 20, "pmo.stagegate.lessons-offered must be 0 to 20");
  }

  String board(Gate gate) {
    return boards.get(gate);
  }

  List<Deliverable> deliverables(Gate gate) {
    return deliverables.get(gate);
  }

  List<ShouldMeet> shouldMeet(Gate gate) {
    return shouldMeet.get(gate);
  }

  /** The criteria the board scores, in the order of the decision form's score fields. */
  List<ShouldMeet> scoredByBoard(Gate gate) {
    return shouldMeet.get(gate).stream().filter(ShouldMeet::byBoard).toList();
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException("stage-gate standard: " + message);
    }
  }
}
