package pmo.portfolio.review;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pmo.intake.PortfolioDecisions;
import pmo.platform.InputErrors;
import pmo.platform.InvalidInputException;
import pmo.platform.SegregationOfDutiesException;
import pmo.portfolio.Criterion;
import pmo.portfolio.ScoringModel;
import pmo.portfolio.ScoringModels;
import pmo.portfolio.ScoringService;

/**
 * Checks the PMO's proposal against the review's pack: exactly one row for every running project and every screened
 * proposal of the pack (matched by reference, whatever else a row says); a decision in each; a reason to stop, pause or
 * reject; a project manager and a planned start to approve; new scores to re-prioritise; scores all or none, each a
 * whole number from 1 to 5. Errors name the row: {@code projectDecisions[2].reason}.
 */
@Component
class ProposalCheck {

  private final ScoringModels models;
  private final PortfolioDecisions intake;
  private final JdbcClient jdbc;

  ProposalCheck(ScoringModels models, PortfolioDecisions intake, JdbcClient jdbc) {
    this.models = models;
    this.intake = intake;
    this.jdbc = jdbc;
  }

  List<ReviewRepository.Decision> check(Pack pack, List<Map<String, Object>> projects,
      List<Map<String, Object>> proposals, String note) {
    InputErrors errors = new InputErrors();
    errors.require(note == null || note.length() <= ReviewService.MAX_TEXT, "proposalNote",
        "must be at most " + ReviewService.MAX_TEXT + " characters");
    Map<String, Pack.ProjectState> running = new HashMap<>();
    pack.projects().forEach(p -> running.put(p.reference(), p));
    Map<String, Pack.Ranked> waiting = new HashMap<>();
    pack.proposalsWaiting().stream().filter(r -> "SCREENED".equals(r.status()))
        .forEach(r -> waiting.put(r.reference(), r));
    Map<String, Pack.Ranked> ranked = new HashMap<>();
    pack.ranking().forEach(r -> ranked.put(r.reference(), r));
    List<ReviewRepository.Decision> decisions = new ArrayList<>();
    String list = "projectDecisions";
    Set<String> seen = rows(projects, list, running.keySet(), errors);
    for (int i = 0; projects != null && i < projects.size(); i++) {
      Map<String, Object> row = projects.get(i);
      String at = list + "[" + i + "].";
      Pack.ProjectState project = running.get(ReviewForms.text(row, "reference"));
      if (project == null) {
        continue;
      }
      ReviewDecisions.OnProject decision = pick(() -> ReviewDecisions.OnProject.of(ReviewForms.text(row, "decision"),
          at + "decision"), errors);
      String reason = ReviewForms.text(row, "reason");
      if (decision != null && decision.needsReason() && reason == null) {
        errors.add(at + "reason", "is required to " + decision.value() + " a project");
      }
      String scores = scores(row, at, ranked.get(project.reference()), errors);
      if (decision == ReviewDecisions.OnProject.REPRIORITISE && scores == null) {
        errors.add(at + "decision", "re-prioritise needs new scores: change the project's scores in its row");
      }
      if (decision != null) {
        decisions.add(new ReviewRepository.Decision(null, "PROJECT", project.id(), project.reference(),
            project.name(), decision.name(), reason, scores, null, null, false));
      }
    }
    missing(running.keySet(), seen, list, errors);
    list = "proposalDecisions";
    seen = rows(proposals, list, waiting.keySet(), errors);
    for (int i = 0; proposals != null && i < proposals.size(); i++) {
      Map<String, Object> row = proposals.get(i);
      String at = list + "[" + i + "].";
      Pack.Ranked proposal = waiting.get(ReviewForms.text(row, "reference"));
      if (proposal == null) {
        continue;
      }
      ReviewDecisions.OnProposal decision = pick(() -> ReviewDecisions.OnProposal.of(
          ReviewForms.text(row, "decision"), at + "decision"), errors);
      String reason = ReviewForms.text(row, "reason");
      String manager = null;
      LocalDate start = null;
      if (decision == ReviewDecisions.OnProposal.REJECT && reason == null) {
        errors.add(at + "reason", "is required to reject a proposal");
      }
      if (decision == ReviewDecisions.OnProposal.APPROVE) {
        manager = ReviewForms.text(row, "projectManager");
        start = date(ReviewForms.text(row, "plannedStart"), at + "plannedStart", errors);
        intake.checkApproval(errors, at + "projectManager", manager, at + "plannedStart", start);
      }
      String scores = scores(row, at, proposal, errors);
      if (decision != null) {
        decisions.add(new ReviewRepository.Decision(null, "PROPOSAL", proposal.id(), proposal.reference(),
            proposal.name(), decision.name(), reason, scores, manager, start, false));
      }
    }
    missing(waiting.keySet(), seen, list, errors);
    errors.throwIfAny();
    return decisions;
  }

  /** The steering member approving may not be the requester of a proposal the round approves (four-eyes). */
  void requireNotRequesterOfApproved(String approver, List<ReviewRepository.Decision> decisions) {
    for (ReviewRepository.Decision d : decisions) {
      if ("PROPOSAL".equals(d.subjectType()) && "APPROVE".equals(d.decision())) {
        String requester = jdbc.sql("select requester from project_proposal where id = :id")
            .param("id", d.subjectId()).query(String.class).optional().orElse(null);
        if (approver.equals(requester)) {
          throw new SegregationOfDutiesException("Four-eyes rule: " + approver + " proposed " + d.reference()
              + " and may not approve it in the portfolio review");
        }
      }
    }
  }

  /** The references of the rows, with errors for unknown or repeated ones. */
  private static Set<String> rows(List<Map<String, Object>> rows, String list, Set<String> expected,
      InputErrors errors) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; rows != null && i < rows.size(); i++) {
      String ref = ReviewForms.text(rows.get(i), "reference");
      if (ref == null || !expected.contains(ref)) {
        errors.add(list + "[" + i + "].reference", "'" + ref + "' is not to be decided in this review");
      } else if (!seen.add(ref)) {
        errors.add(list + "[" + i + "].reference", "'" + ref + "' is decided twice");
      }
    }
    return seen;
  }

  private static void missing(Set<String> expected, Set<String> seen, String list, InputErrors errors) {
    expected.stream().filter(ref -> !seen.contains(ref)).sorted()
        .forEach(ref -> errors.add(list, "has no row for " + ref + ": decide on every one"));
  }

  /** New scores of a row as JSON, or null when the row keeps the current ones (or gives none). */
  private String scores(Map<String, Object> row, String at, Pack.Ranked current, InputErrors errors) {
    ScoringModel model = models.current();
    Map<String, Object> given = new HashMap<>();
    for (Criterion c : model.criteria()) {
      Object value = row.get(c.field());
      if (value != null && !value.toString().isBlank()) {
        given.put(c.id(), value);
      }
    }
    if (given.isEmpty()) {
      return null;
    }
    try {
      Map<String, Integer> checked = ScoringService.check(model, given, id -> at + ScoringModel.FIELD_PREFIX + id);
      return current != null && checked.equals(current.scores()) ? null : ScoringService.json(checked);
    } catch (InvalidInputException e) {
      e.errors().forEach(f -> errors.add(f.field(), f.reason()));
      return null;
    }
  }

  private static <T> T pick(java.util.function.Supplier<T> choice, InputErrors errors) {
    try {
      return choice.get();
    } catch (InvalidInputException e) {
      e.errors().forEach(f -> errors.add(f.field(), f.reason()));
      return null;
    }
  }

  private static LocalDate date(String text, String field, InputErrors errors) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      errors.add(field, "must be a date (yyyy-MM-dd)");
      return null;
    }
  }
}
