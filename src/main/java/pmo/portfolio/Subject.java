package pmo.portfolio;

import pmo.platform.InvalidInputException;

/**
 * What the portfolio scores, staffs and selects: a project (reference: its code, PRJ-00001) or a proposal still in
 * intake (reference PROPOSAL-12).
 */
public record Subject(Kind kind, long id) {

  public static final String PROPOSAL_PREFIX = "PROPOSAL-";

  public enum Kind {
    PROJECT, PROPOSAL
  }

  public static Subject project(long id) {
    return new Subject(Kind.PROJECT, id);
  }

  public static Subject proposal(long id) {
    return new Subject(Kind.PROPOSAL, id);
  }

  /** The reference of a proposal; a project's reference is its code. */
  public static String proposalReference(long id) {
    return PROPOSAL_PREFIX + id;
  }

  /** A proposal's id from its reference; an input error on {@code field} otherwise. */
  static long proposalId(String reference, String field) {
    try {
      return Long.parseLong(reference.substring(PROPOSAL_PREFIX.length()));
    } catch (RuntimeException e) {
      throw InvalidInputException.of(field, "'" + reference + "' is no proposal reference (PROPOSAL-<id>)");
    }
  }
}
