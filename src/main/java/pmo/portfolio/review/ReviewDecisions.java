package pmo.portfolio.review;

import pmo.platform.Choices;

/** The decisions of a review, as the proposal form offers them. */
final class ReviewDecisions {

  private ReviewDecisions() {
  }

  /** On a running project. Stop and pause need a reason; re-prioritise needs new scores. */
  enum OnProject {
    CONTINUE("continue"), PAUSE("pause"), STOP("stop"), REPRIORITISE("reprioritise");

    final String value;

    OnProject(String value) {
      this.value = value;
    }

    static OnProject of(String value, String field) {
      return Choices.pick(values(), d -> d.value, value, field);
    }

    boolean needsReason() {
      return this == PAUSE || this == STOP;
    }
  }

  /** On a proposal waiting for its sponsor. Reject needs a reason; approve a project manager and a planned start. */
  enum OnProposal {
    APPROVE("approve"), DEFER("defer"), REJECT("reject");

    final String value;

    OnProposal(String value) {
      this.value = value;
    }

    static OnProposal of(String value, String field) {
      return Choices.pick(values(), d -> d.value, value, field);
    }
  }

  /** The steering committee's answer. */
  enum Steering {
    APPROVE("approve"), SEND_BACK("sendBack");

    final String value;

    Steering(String value) {
      this.value = value;
    }

    static Steering of(String value, String field) {
      return Choices.pick(values(), d -> d.value, value, field);
    }
  }
}
