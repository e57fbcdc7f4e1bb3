package pmo.portfolio.review;

import java.util.List;
import pmo.platform.Choice;
import pmo.platform.Choices;

/** The decisions of a review, as the proposal form offers them. */
final class ReviewDecisions {

  private ReviewDecisions() {
  }

  /** On a running project. Stop and pause need a reason; re-prioritise needs new scores. */
  enum OnProject implements Choice {
    CONTINUE, PAUSE, STOP, REPRIORITISE;

    static OnProject of(String value, String field) {
      return Choices.of(List.of(values()), value, field);
    }

    boolean needsReason() {
      return this == PAUSE || this == STOP;
    }
  }

  /** On a proposal waiting for its sponsor. Reject needs a reason; approve a project manager and a planned start. */
  enum OnProposal implements Choice {
    APPROVE, DEFER, REJECT;

    static OnProposal of(String value, String field) {
      return Choices.of(List.of(values()), value, field);
    }
  }

  /** The steering committee's answer. */
  enum Steering implements Choice {
    APPROVE, SEND_BACK;
  }
}
