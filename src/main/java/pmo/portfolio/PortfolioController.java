package pmo.portfolio;

import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pmo.platform.InputErrors;
import pmo.platform.Page;
import pmo.platform.PageRequest;

/**
 * The portfolio over REST: the scoring model and its pairwise weighting, the ranking, capacity, the what-if and saved
 * scenarios. Read by the PMO,
 * the steering committee and auditors ({@link PortfolioAccess}); written by the PMO (the steering committee for the
 * pairwise weights); anybody else 403.
 */
@RestController
@RequestMapping("/api/portfolio")
@PreAuthorize(PortfolioAccess.READERS)
class PortfolioController {

  private final Weightings weightings;
  private final PortfolioSettings settings;
  private final RankingService ranking;
  private final ResourceService resources;
  private final WhatIfService whatIf;
  private final ScenarioService scenarios;
  private final Clock clock;

  PortfolioController(Weightings weightings, PortfolioSettings settings, RankingService ranking,
      ResourceService resources, WhatIfService whatIf, ScenarioService scenarios, Clock clock) {
    this.weightings = weightings;
    this.settings = settings;
    this.ranking = ranking;
    this.resources = resources;
    this.whatIf = whatIf;
    this.scenarios = scenarios;
    this.clock = clock;
  }

  @GetMapping("/model")
  Weightings.ModelView model() {
    return weightings.view(settings);
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

  @GetMapping("/capacity")
  CapacityReport capacity(@RequestParam(required = false) String from, @RequestParam(required = false) Integer months,
      @RequestParam(required = false) String role) {
    InputErrors errors = new InputErrors();
    YearMonth start = from == null ? YearMonth.now(clock) : Months.month(from, "from", errors, true);
    errors.throwIfAny();
    return resources.report(start, months == null ? 12 : months, role);
  }

  /** Capacity entries: each role's FTE from a month to a month. */
  record CapacityEntries(List<StaffingLine> entries) {
  }

  record Updated(int months) {
  }

  @PutMapping("/capacity")
  @PreAuthorize(PortfolioAccess.PMO)
  Updated setCapacity(@RequestBody CapacityEntries body) {
    return new Updated(resources.setCapacity(body.entries()));
  }

  /** Runs a what-if without saving it. */
  @PostMapping("/what-if")
  @PreAuthorize(PortfolioAccess.PMO)
  WhatIfResult whatIf(@RequestBody WhatIfRequest request) {
    return whatIf.run(request);
  }

  @GetMapping("/scenarios")
  Page<ScenarioRepository.Summary> scenarios(@RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return scenarios.list(PageRequest.of(page, size));
  }

  @PostMapping("/scenarios")
  @PreAuthorize(PortfolioAccess.PMO)
  ResponseEntity<ScenarioService.Scenario> save(@RequestBody WhatIfRequest request) {
    ScenarioService.Scenario saved = scenarios.save(request);
    return ResponseEntity.created(URI.create("/api/portfolio/scenarios/" + saved.id())).body(saved);
  }

  @GetMapping("/scenarios/{id}")
  ScenarioService.Scenario scenario(@PathVariable long id) {
    return scenarios.get(id);
  }

  @PostMapping("/scenarios/{id}/rerun")
  @PreAuthorize(PortfolioAccess.PMO)
  ScenarioService.Scenario rerun(@PathVariable long id) {
    return scenarios.rerun(id);
  }

  @PostMapping("/scenarios/{id}/commit")
  @PreAuthorize(PortfolioAccess.PMO)
  ScenarioService.Scenario commit(@PathVariable long id) {
    return scenarios.commit(id);
  }

  @GetMapping("/scenarios/compare")
  ScenarioService.Comparison compare(@RequestParam List<Long> ids) {
    return scenarios.compare(ids);
  }
}
