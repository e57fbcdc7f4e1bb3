package pmo.portfolio.review;

import java.util.List;
import java.util.function.Function;
import pmo.notice.Text;

/** The PMO's proposal as text, for the steering committee's form and the notices. */
final class DecisionSummary {

  private DecisionSummary() {
  }

  /** The text a process variable can hold (Camunda keeps up to 4,000 characters of a string variable). */
  static final int LIMIT = 3990;

  /**
   * The decisions that change something first (pause, stop, approve, reject, rescore), then those that leave a project
   * or proposal as it is; when the text would be too long, the unchanged ones are counted instead of listed, so the
   * steering committee always reads every change however large the portfolio. {@code words} writes the texts in the
   * reader's language (the form's in English, a notice's in its recipient's).
   */
  static String of(ReviewRepository.Review review, List<ReviewRepository.Decision> decisions,
      Function<Text, String> words) {
    StringBuilder text = new StringBuilder(words.apply(Text.of("review.round", review.round(), review.proposedBy())))
        .append('\n');
    List<ReviewRepository.Decision> unchanged = decisions.stream().filter(DecisionSummary::unchanged).toList();
    decisions.stream().filter(d -> !unchanged(d)).forEach(d -> text.append(line(d, words)));
    String rationale = review.proposalNote() == null ? ""
        : "\n" + words.apply(Text.of("review.rationale", review.proposalNote()));
    int listed = 0;
    for (ReviewRepository.Decision d : unchanged) {
      String line = line(d, words);
      if (text.length() + line.length() + rationale.length() + 180 > LIMIT) {
        break;
      }
      text.append(line);
      listed++;
    }
    if (listed < unchanged.size()) {
      text.append(words.apply(Text.of("review.more", unchanged.size() - listed, review.id()))).append('\n');
    }
    // the form lists only the running projects that need a decision: the others continue, decided by omission
    text.append(words.apply(Text.of("review.others"))).append('\n');
    text.append(rationale);
    return text.length() > LIMIT ? text.substring(0, LIMIT) : text.toString();
  }

  /**
   * A decision in the reader's words ({@code review.decision.PAUSE}: pause, 暂停); on a project that was on hold, a
   * pause is "stay on hold" and a continue is "resume".
   */
  static Text decision(ReviewRepository.Decision d) {
    if ("ON_HOLD".equals(d.statusBefore()) && d.keepsStatus()) {
      return Text.of("review.decision.STAY_ON_HOLD");
    }
    return Text.of("review.decision." + (d.resumes() ? "RESUME" : d.decision()));
  }

  /**
   * A decision that leaves its subject as it is: a project kept in its status without new scores (a resumed project
   * is a change), a proposal deferred without a reason. Decisions stored before the project's status was kept with
   * them (V173) count a continue without a reason as unchanged, as they did.
   */
  private static boolean unchanged(ReviewRepository.Decision d) {
    if (d.scores() != null) {
      return false;
    }
    if (d.statusBefore() != null) {
      return d.keepsStatus();
    }
    return ("CONTINUE".equals(d.decision()) || "DEFER".equals(d.decision())) && d.reason() == null;
  }

  private static String line(ReviewRepository.Decision d, Function<Text, String> words) {
    StringBuilder line = new StringBuilder(words.apply(Text.of("review.line", d.reference(), d.name(),
        decision(d))));
    if (d.projectManager() != null) {
      line.append(words.apply(Text.of("review.line.manager", d.projectManager(), d.plannedStart())));
    }
    if (d.reason() != null) {
      line.append(words.apply(Text.of("review.line.reason", d.reason())));
    }
    if (d.scores() != null) {
      line.append(words.apply(Text.of("review.line.scores", d.scores())));
    }
    return line.append('\n').toString();
  }
}
