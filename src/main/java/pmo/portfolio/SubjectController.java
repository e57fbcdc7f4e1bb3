package pmo.portfolio;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import pmo.platform.engine.CurrentActor;

/**
 * One project's or proposal's portfolio data over REST: its scorings (the PMO scores; the history is read by whoever
 * reads the portfolio and by the project's manager and sponsor) and its staffing plan (the PMO, or the project's
 * manager, sets it).
 */
@RestController
@RequestMapping("/api/portfolio")
class SubjectController {

  private final ScoringService scoring;
  private final ResourceService resources;
  private final CurrentActor actor;

  SubjectController(ScoringService scoring, ResourceService resources, CurrentActor actor) {
    this.scoring = scoring;
    this.resources = resources;
    this.actor = actor;
  }

  /** A scoring: criterion id → 1..5, and a comment. */
  record ScoreBody(Map<String, BigDecimal> scores, String comment) {
  }

  record PlanBody(List<StaffingLine> allocations) {
  }

  @PostMapping("/{kind:projects|proposals}/{id}/scores")
  @PreAuthorize(PortfolioAccess.PMO)
  ResponseEntity<ScoringService.Scoring> score(@PathVariable String kind, @PathVariable long id,
      @RequestBody ScoreBody body) {
    Subject subject = subject(kind, id);
    ScoringService.Scoring scored = scoring.score(subject, body.scores(), body.comment(), ScoringService.Source.REST,
        criterion -> "scores." + criterion);
    return ResponseEntity.created(URI.create("/api/portfolio/" + kind + "/" + id + "/scores")).body(scored);
  }

  @GetMapping("/{kind:projects|proposals}/{id}/scores")
  List<ScoringService.Scoring> scores(@PathVariable String kind, @PathVariable long id) {
    return scoring.history(subject(kind, id), actor.viewer());
  }

  @GetMapping("/{kind:projects|proposals}/{id}/allocations")
  ResourceService.Plan allocations(@PathVariable String kind, @PathVariable long id) {
    return resources.plan(subject(kind, id), actor.viewer());
  }

  @PutMapping("/{kind:projects|proposals}/{id}/allocations")
  ResourceService.Plan setAllocations(@PathVariable String kind, @PathVariable long id, @RequestBody PlanBody body) {
    return resources.setPlan(subject(kind, id), body.allocations(), actor.viewer());
  }

  private static Subject subject(String kind, long id) {
    return "projects".equals(kind) ? Subject.project(id) : Subject.proposal(id);
  }
}
