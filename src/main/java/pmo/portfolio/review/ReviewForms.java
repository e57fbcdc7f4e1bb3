package pmo.portfolio.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import pmo.portfolio.CapacityReport;
import pmo.portfolio.Criterion;
import pmo.portfolio.ScoringModel;

/**
 * What the review's forms show: the pack as text, and the rows of the PMO's proposal form, filled in with the committed
 * scenario's suggestion (continue or approve what it chooses; pause or defer the rest, with its reason) or with the
 * status quo ("continue", "pause" for a project on hold, "defer"), and with each candidate's current scores. The form
 * lists the running projects that need a decision ({@link #attention}); every other running project continues unless
 * the PMO adds a row for it, so the form stays as long as the exceptions, not as the portfolio.
 */
final class ReviewForms {

  private ReviewForms() {
  }

  /**
   * Why each running project needs the review's decision, by reference: on hold (resume it or leave it paused), a red
   * or amber RAG, left out of the committed scenario, open escalations. A healthy active project has no entry.
   */
  static Map<String, List<String>> attention(Pack pack) {
    return attention(pack.projects(), pack.escalations(), pack.scenario());
  }

  /** The same from the pack's parts, while the pack is being compiled. */
  static Map<String, List<String>> attention(List<Pack.ProjectState> projects, List<Pack.Escalation> escalated,
      Pack.ScenarioRef scenario) {
    Map<String, Long> escalations = escalated.stream()
        .collect(Collectors.groupingBy(Pack.Escalation::project, Collectors.counting()));
    Map<String, List<String>> attention = new LinkedHashMap<>();
    for (Pack.ProjectState p : projects) {
      List<String> why = new ArrayList<>();
      if ("ON_HOLD".equals(p.status())) {
        why.add("on hold");
      }
      if ("RED".equals(p.rag()) || "AMBER".equals(p.rag())) {
        why.add("RAG " + p.rag());
      }
      if (scenario != null && !scenario.chosen().contains(p.reference())) {
        why.add("left out of the committed scenario");
      }
      long open = escalations.getOrDefault(p.reference(), 0L);
      if (open > 0) {
        why.add(open + (open == 1 ? " open escalation" : " open escalations"));
      }
      if (!why.isEmpty()) {
        attention.put(p.reference(), why);
      }
    }
    return attention;
  }

  static List<Map<String, Object>> projectRows(Pack pack, ScoringModel model) {
    List<Map<String, Object>> rows = new ArrayList<>();
    Map<String, Pack.Ranked> ranked = pack.ranking().stream()
        .collect(Collectors.toMap(Pack.Ranked::reference, r -> r, (a, b) -> a, LinkedHashMap::new));
    Map<String, List<String>> attention = attention(pack);
    List<Pack.ProjectState> ordered = new ArrayList<>(pack.projects().stream()
        .filter(p -> attention.containsKey(p.reference())).toList());
    ordered.sort(java.util.Comparator.comparingInt(p -> ranked.containsKey(p.reference())
        ? ranked.get(p.reference()).rank() : Integer.MAX_VALUE));
    for (Pack.ProjectState p : ordered) {
      Pack.Ranked r = ranked.get(p.reference());
      Map<String, Object> row = base(p.reference(), p.name(), p.status() + ", " + p.stage() + ", RAG " + p.rag(), r);
      boolean chosen = pack.scenario() == null || pack.scenario().chosen().contains(p.reference());
      // why the row is listed, in the row's one full-width cell, with the committed scenario's word on it
      row.put("suggestion", "Listed: " + String.join(", ", attention.get(p.reference()))
          + (pack.scenario() == null ? "" : chosen ? "; in the committed scenario"
              : "; the committed scenario leaves it out: " + pack.scenario().leftOut().getOrDefault(p.reference(),
                  "not chosen")));
      // the status quo unless the committed scenario says otherwise: a project on hold stays on hold
      boolean onHold = "ON_HOLD".equals(p.status());
      row.put("decision", chosen && !onHold ? "continue" : "pause");
      row.put("reason", !chosen ? "Left out of scenario '" + pack.scenario().name() + "': "
          + pack.scenario().leftOut().getOrDefault(p.reference(), "not chosen") : "");
      scores(row, r, model);
      rows.add(row);
    }
    return rows;
  }

  static List<Map<String, Object>> proposalRows(Pack pack, ScoringModel model) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Pack.Ranked r : pack.proposalsWaiting()) {
      if (!"SCREENED".equals(r.status())) {
        continue;
      }
      Map<String, Object> row = base(r.reference(), r.name(), "screened, waiting for its sponsor", r);
      boolean chosen = pack.scenario() != null && pack.scenario().chosen().contains(r.reference());
      row.put("suggestion", pack.scenario() == null ? "" : chosen ? "in the committed scenario"
          : "left out of the committed scenario: " + pack.scenario().leftOut().getOrDefault(r.reference(), ""));
      row.put("decision", chosen ? "approve" : "defer");
      row.put("reason", "");
      row.put("projectManager", "");
      row.put("plannedStart", "");
      scores(row, r, model);
      rows.add(row);
    }
    return rows;
  }

  private static Map<String, Object> base(String reference, String name, String status, Pack.Ranked r) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("reference", reference);
    row.put("name", name);
    row.put("status", status);
    row.put("rank", r == null ? "" : String.valueOf(r.rank()));
    row.put("score", r == null || !r.scored() ? "unscored" : r.score().stripTrailingZeros().toPlainString());
    return row;
  }

  private static void scores(Map<String, Object> row, Pack.Ranked r, ScoringModel model) {
    for (Criterion c : model.criteria()) {
      Integer value = r == null ? null : r.scores().get(c.id());
      row.put(c.field(), value);
    }
  }

  /** The pack as text for the forms. */
  static String summary(long reviewId, Pack pack) {
    StringBuilder text = new StringBuilder();
    text.append("Portfolio review ").append(reviewId).append(", compiled ").append(pack.compiledAt(), 0, 16)
        .append(" under scoring model ").append(pack.modelVersion()).append("\n\nRanking:\n");
    pack.ranking().stream().limit(15).forEach(r -> text.append(r.rank()).append(". ").append(r.reference())
        .append(" ").append(r.name()).append(" (").append(r.kind().toLowerCase()).append(", ")
        .append(r.scored() ? r.score().stripTrailingZeros().toPlainString() : "unscored").append(")\n"));
    Map<String, List<String>> attention = attention(pack);
    text.append("\nRunning projects to decide on (").append(attention.size()).append(" of ")
        .append(pack.projects().size()).append("; the others continue unless added to the proposal):\n");
    pack.projects().stream().filter(p -> attention.containsKey(p.reference())).forEach(p -> text
        .append(p.reference()).append(" ").append(p.name()).append(": ").append(p.rag()).append(", ")
        .append(p.status()).append(", ").append(p.stage()).append(figures(p.facts())).append('\n'));
    text.append("\nProposals waiting: ").append(pack.proposalsWaiting().isEmpty() ? "none" : pack.proposalsWaiting()
        .stream().map(r -> r.reference() + " " + r.name() + " (" + r.status() + ")").collect(Collectors.joining(", ")));
    text.append("\n\nCapacity, next 12 months: ");
    List<CapacityReport.Cell> over = pack.capacity().overAllocations();
    text.append(over.isEmpty() ? "no role over-allocated" : over.size() + " role-months over-allocated");
    over.stream().limit(12).forEach(c -> text.append("\n- ").append(c.role()).append(" ").append(c.month())
        .append(": ").append(c.demand().toPlainString()).append(" FTE of ").append(c.capacity().toPlainString())
        .append(" (").append(c.causes().stream().map(x -> x.reference() + " " + x.fte().toPlainString())
            .collect(Collectors.joining(", "))).append(")"));
    text.append("\n\nOpen escalations: ").append(pack.escalations().isEmpty() ? "none" : pack.escalations().size());
    pack.escalations().forEach(e -> text.append("\n- ").append(e.kind()).append(" ").append(e.id()).append(" on ")
        .append(e.project()).append(": ").append(e.title()));
    text.append("\n\nCommitted scenario: ").append(pack.scenario() == null ? "none" : "'" + pack.scenario().name()
        + "' (total score " + pack.scenario().objective() + ", chooses " + String.join(", ", pack.scenario().chosen())
        + ")");
    return text.length() > 3900 ? text.substring(0, 3900) + "\n(cut here: the whole pack is kept on review "
        + reviewId + ")" : text.toString();
  }

  private static String figures(Map<String, Object> facts) {
    return facts.isEmpty() ? "" : "; " + facts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /** A submitted row's text cell (blank as null). */
  static String text(Map<String, Object> row, String key) {
    Object value = row.get(key);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

}
