package pmo.portfolio.review;

import java.util.List;

/** The PMO's proposal as text, for the steering committee's form and the notices. */
final class DecisionSummary {

  private DecisionSummary() {
  }

  static String of(ReviewRepository.Review review, List<ReviewRepository.Decision> decisions) {
    StringBuilder text = new StringBuilder("Round ").append(review.round()).append(", proposed by ")
        .append(review.proposedBy()).append(":\n");
    for (ReviewRepository.Decision d : decisions) {
      text.append("- ").append(d.reference()).append(" ").append(d.name()).append(": ")
          .append(d.decision().toLowerCase());
      if (d.projectManager() != null) {
        text.append(" (manager ").append(d.projectManager()).append(", start ").append(d.plannedStart()).append(')');
      }
      if (d.reason() != null) {
        text.append(" — ").append(d.reason());
      }
      if (d.scores() != null) {
        text.append(" [new scores ").append(d.scores()).append(']');
      }
      text.append('\n');
    }
    if (review.proposalNote() != null) {
      text.append("\nRationale: ").append(review.proposalNote());
    }
    return text.length() > 3990 ? text.substring(0, 3990) : text.toString();
  }
}
