package pmo.portfolio.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pmo.intake.PortfolioDecisions;
import pmo.platform.InputErrors;
import pmo.platform.SegregationOfDutiesException;
import pmo.portfolio.ScoringModels;

/**
 * Checks the PMO's proposal against the review's pack: exactly one row for every running project the form lists
 * ({@link ReviewForms#attention}) and every screened proposal of the pack (matched by reference, whatever else a row says);
 * rows the PMO added for other running projects of the pack, each named once; a decision in each; a reason to stop,
 * pause or reject; a project manager and a planned start to approve; new scores to re-prioritise; scores all or none,
 * each a whole number from 1 to 5. Errors name the row: {@code projectDecisions[2].reason}.
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
      List<Map<String, Object>> others, List<Map<String, Object>> proposals, String note) {
    InputErrors errors = new InputErrors();
    errors.require(note == null || note.length() <= ReviewService.MAX_TEXT, "proposalNote",
        "must be at most " + ReviewService.MAX_TEXT + " characters");
    Map<String, List<String>> attention = ReviewForms.attention(pack);
    Map<String, Pack.ProjectState> listed = new HashMap<>();
    Map<Long, Pack.ProjectState> running = new HashMap<>();
    pack.projects().forEach(p -> {
      running.put(p.id(), p);
      if (attention.containsKey(p.reference())) {
        listed.put(p.reference(), p);
      }
    });
    Map<String, Pack.Ranked> waiting = new HashMap<>();
    pack.proposalsWaiting().stream().filter(r -> "SCREENED".equals(r.status()))
        .forEach(r -> waiting.put(r.reference(), r));
    Map<String, Pack.Ranked> ranked = new HashMap<>();
    pack.ranking().forEach(r -> ranked.put(r.reference(), r));
    List<ReviewRepository.Decision> decisions = new ArrayList<>();
    String list = PortfolioReviewProcess.PROJECT_DECISIONS.name();
    Set<String> seen = RowChecks.rows(projects, list, listed.keySet(), errors);
    for (int i = 0; projects != null && i < projects.size(); i++) {
      Pack.ProjectState project = listed.get(ReviewForms.text(projects.get(i), "reference"));
      if (project != null) {
        onProject(project, projects.get(i), list + "[" + i + "].", ranked, errors).ifPresent(decisions::add);
      }
    }
    RowChecks.missing(listed.keySet(), seen, list, errors);
    list = PortfolioReviewProcess.OTHER_PROJECT_DECISIONS.name();
    Set<Long> added = new HashSet<>();
    for (int i = 0; others != null && i < others.size(); i++) {
      String at = list + "[" + i + "].";
      Pack.ProjectState project = added(others.get(i), at, running, listed, added, errors);
      if (project != null) {
        onProject(project, others.get(i), at, ranked, errors).ifPresent(decisions::add);
      }
    }
    list = PortfolioReviewProcess.PROPOSAL_DECISIONS.name();
    seen = RowChecks.rows(proposals, list, waiting.keySet(), errors);
    for (int i = 0; proposals != null && i < proposals.size(); i++) {
      Map<String, Object> row = proposals.get(i);
      String at = list + "[" + i + "].";
      Pack.Ranked proposal = waiting.get(ReviewForms.text(row, "reference"));
      if (proposal == null) {
        continue;
      }
      ReviewDecisions.OnProposal decision = RowChecks.pick(() -> ReviewDecisions.OnProposal.of(
          ReviewForms.text(row, "decision"), at + "decision"), errors);
      String reason = ReviewForms.text(row, "reason");
      String manager = null;
      LocalDate start = null;
      if (decision == ReviewDecisions.OnProposal.REJECT && reason == null) {
        errors.add(at + "reason", "is required to reject a proposal");
      }
      if (decision == ReviewDecisions.OnProposal.APPROVE) {
        manager = ReviewForms.text(row, "projectManager");
        start = RowChecks.date(ReviewForms.text(row, "plannedStart"), at + "plannedStart", errors);
        intake.checkApproval(errors, at + "projectManager", manager, at + "plannedStart", start);
      }
      String scores = RowChecks.scores(models.current(), row, at, proposal, errors);
      if (decision != null) {
        decisions.add(new ReviewRepository.Decision(null, "PROPOSAL", proposal.id(), proposal.reference(),
            proposal.name(), decision.name(), reason, scores, manager, start, false, null));
      }
    }
    RowChecks.missing(waiting.keySet(), seen, list, errors);
    errors.throwIfAny();
    return decisions;
  }

  /** A running project's decision from its row, or empty when the row's decision is missing or unknown. */
  private Optional<ReviewRepository.Decision> onProject(Pack.ProjectState project, Map<String, Object> row, String at,
      Map<String, Pack.Ranked> ranked, InputErrors errors) {
    ReviewDecisions.OnProject decision = RowChecks.pick(() -> ReviewDecisions.OnProject.of(
        ReviewForms.text(row, "decision"), at + "decision"), errors);
    String reason = ReviewForms.text(row, "reason");
    String scores = RowChecks.scores(models.current(), row, at, ranked.get(project.reference()), errors);
    if (decision == ReviewDecisions.OnProject.REPRIORITISE && scores == null) {
      errors.add(at + "decision", "re-prioritise needs new scores: change the project's scores in its row");
    }
    if (decision == null) {
      return Optional.empty();
    }
    ReviewRepository.Decision decided = new ReviewRepository.Decision(null, "PROJECT", project.id(),
        project.reference(), project.name(), decision.name(), reason, scores, null, null, false, project.status());
    // a decision that leaves the project as it is (one on hold kept on hold) is the status quo: no reason needed
    if (decision.needsReason() && !decided.keepsStatus() && reason == null) {
      errors.add(at + "reason", "is required to " + decision.value() + " a project");
    }
    return Optional.of(decided);
  }

  /**
   * The project a row the PMO added names: its id, as the project picker submits it, or its code typed in
   * {@code projectCode} (the picker offers the most recent running projects only). One of the pack's running projects
   * that the form does not list already, each at most once.
   */
  private static Pack.ProjectState added(Map<String, Object> row, String at, Map<Long, Pack.ProjectState> running,
      Map<String, Pack.ProjectState> listed, Set<Long> added, InputErrors errors) {
    String picked = ReviewForms.text(row, "project");
    String code = ReviewForms.text(row, "projectCode");
    if (picked == null && code == null) {
      errors.add(at + "project", "is required: pick the project, or type its code in the field beside it");
      return null;
    }
    String field = at + (picked != null ? "project" : "projectCode");
    Pack.ProjectState project;
    if (picked != null) {
      long id;
      try {
        id = Long.parseLong(picked.endsWith(".0") ? picked.substring(0, picked.length() - 2) : picked);
      } catch (NumberFormatException e) {
        errors.add(field, "must be a project id, as the project picker gives it");
        return null;
      }
      project = running.get(id);
      if (project != null && code != null && !code.equalsIgnoreCase(project.reference())) {
        errors.add(at + "projectCode", "names " + code + ", the picker " + project.reference() + ": give one project");
        return null;
      }
      if (project == null) {
        errors.add(field, "project " + id + " was not running when the review opened: it is not to be decided in "
            + "this review");
        return null;
      }
    } else {
      project = running.values().stream().filter(p -> p.reference().equalsIgnoreCase(code)).findFirst().orElse(null);
      if (project == null) {
        errors.add(field, "'" + code + "' is no project that was running when the review opened");
        return null;
      }
    }
    if (listed.containsKey(project.reference())) {
      errors.add(field, "is listed under the running projects above: decide on it there");
      return null;
    }
    if (!added.add(project.id())) {
      errors.add(field, project.reference() + " is decided twice");
      return null;
    }
    return project;
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
}
