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
    CONTINUE("continue"), PAUSE("pause"), STOP("stop"), REPRIORITISE("reprioritise");

    final String value;

    @Override
    public String value() {
      return value;
    }

    OnProject(String value) {
      this.value = value;
    }

    static OnProject of(String value, String field) {
      return Choices.of(List.of(values()), value, field);
    }

    boolean needsReason() {
      return this == PAUSE || this == STOP;
    }
  }

  /** On a proposal waiting for its sponsor. Reject needs a reason; approve a project manager and a planned start. */
  enum OnProposal implements Choice {
    APPROVE("approve"), DEFER("defer"), REJECT("reject");

    final String value;

    @Override
    public String value() {
      return value;
    }

    OnProposal(String value) {
      this.value = value;
    }

    static OnProposal of(String value, String field) {
      return Choices.of(List.of(values()), value, field);
    }
  }

  /** The steering committee's answer. */
  enum Steering implements Choice {
    APPROVE("approve"), SEND_BACK("sendBack");

    final String value;

    @Override
    public String value() {
      return value;
    }

    Steering(String value) {
      this.value = value;
    }
  }
}
