package pmo.portfolio;

import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pmo.platform.PageRequest;

/**
 * The portfolio over REST: the scoring model and its pairwise weighting, and the ranking. Read by the PMO, the steering
 * committee and auditors ({@link PortfolioAccess}); the pairwise weights are the steering committee's; anybody else
 * 403.
 */
@RestController
@RequestMapping("/api/portfolio")
@PreAuthorize(PortfolioAccess.READERS)
class PortfolioController {

  private final Weightings weightings;
  private final RankingService ranking;

  PortfolioController(Weightings weightings, RankingService ranking) {
    this.weightings = weightings;
    this.ranking = ranking;
  }

  @GetMapping("/model")
  Weightings.ModelView model() {
    return weightings.view();
  }

  /** The steering committee's pairwise comparison: an n × n matrix in the model's criterion order. */
  record Pairwise(double[][] matrix) {
  }

  @PostMapping("/model/pairwise")
  @PreAuthorize(PortfolioAccess.STEERING)
  ResponseEntity<Weightings.Derived> pairwise(@RequestBody Pairwise body) {
    Weightings.Derived derived = weightings.derive(body.matrix());
    return ResponseEntity.created(URI.create("/api/portfolio/model")).body(derived);
  }

  @GetMapping("/ranking")
  RankingService.RankingPage ranking(@RequestParam(required = false) Subject.Kind kind,
      @RequestParam(required = false) String stage, @RequestParam(required = false) String status,
      @RequestParam(required = false) String objective, @RequestParam(required = false) String category,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return ranking.page(new RankingRepository.Filter(kind, stage, status, objective, category),
        PageRequest.of(page, size));
  }
}
