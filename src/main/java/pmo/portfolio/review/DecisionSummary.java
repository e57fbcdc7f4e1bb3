package pmo.portfolio.review;

import java.util.List;

/** The PMO's proposal as text, for the steering committee's form and the notices. */
final class DecisionSummary {

  private DecisionSummary() {
  }

  /** The text a process variable can hold (Camunda keeps up to 4,000 characters of a string variable). */
  static final int LIMIT = 3990;

  /**
   * The decisions that change something first (pause, stop, approve, reject, rescore), then those that leave a project
   * or proposal as it is; when the text would be too long, the unchanged ones are counted instead of listed, so the
   * steering committee always reads every change however large the portfolio.
   */
  static String of(ReviewRepository.Review review, List<ReviewRepository.Decision> decisions) {
    StringBuilder text = new StringBuilder("Round ").append(review.round()).append(", proposed by ")
        .append(review.proposedBy()).append(":\n");
    List<ReviewRepository.Decision> unchanged = decisions.stream().filter(DecisionSummary::unchanged).toList();
    decisions.stream().filter(d -> !unchanged(d)).forEach(d -> text.append(line(d)));
    String rationale = review.proposalNote() == null ? "" : "\nRationale: " + review.proposalNote();
    int listed = 0;
    for (ReviewRepository.Decision d : unchanged) {
      String line = line(d);
      if (text.length() + line.length() + rationale.length() + 120 > LIMIT) {
        break;
      }
      text.append(line);
      listed++;
    }
    if (listed < unchanged.size()) {
      text.append("- and ").append(unchanged.size() - listed).append(" more left as they are (continue or defer;"
          + " the whole list: GET /api/portfolio/reviews/").append(review.id()).append(")\n");
    }
    text.append(rationale);
    return text.length() > LIMIT ? text.substring(0, LIMIT) : text.toString();
  }

  private static boolean unchanged(ReviewRepository.Decision d) {
    return ("CONTINUE".equals(d.decision()) || "DEFER".equals(d.decision())) && d.reason() == null
        && d.scores() == null;
  }

  private static String line(ReviewRepository.Decision d) {
    StringBuilder line = new StringBuilder("- ").append(d.reference()).append(" ").append(d.name()).append(": ")
        .append(d.decision().toLowerCase());
    if (d.projectManager() != null) {
      line.append(" (manager ").append(d.projectManager()).append(", start ").append(d.plannedStart()).append(')');
    }
    if (d.reason() != null) {
      line.append(" — ").append(d.reason());
    }
    if (d.scores() != null) {
      line.append(" [new scores ").append(d.scores()).append(']');
    }
    return line.append('\n').toString();
  }
}
