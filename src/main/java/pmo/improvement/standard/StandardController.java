package pmo.improvement.standard;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.engine.CurrentActor;

/**
 * The PMO's standard over REST: the catalogue of processes, decisions and forms with their deployed versions, who
 * deployed them when and why; what changed between two versions ({@code kind} is {@code processes},
 * {@code decisions} or {@code forms}); the standards reviews (the PMO, process owners and auditors).
 */
@RestController
@RequestMapping("/api/standard")
class StandardController {

  private final StandardCatalogue catalogue;
  private final StandardsReviewService reviews;
  private final CurrentActor actor;

  StandardController(StandardCatalogue catalogue, StandardsReviewService reviews, CurrentActor actor) {
    this.catalogue = catalogue;
    this.reviews = reviews;
    this.actor = actor;
  }

  @GetMapping
  StandardCatalogue.Catalogue catalogue() {
    return catalogue.catalogue();
  }

  @GetMapping("/{kind:processes|decisions|forms}/{key}/diff")
  StandardCatalogue.VersionDiff diff(@PathVariable String kind, @PathVariable String key,
      @RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to) {
    return catalogue.diff(kind, key, from, to);
  }

  @GetMapping("/reviews")
  Page<Review> reviews(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return reviews.list(PageRequest.of(page, size), actor.viewer());
  }

  @GetMapping("/reviews/{id}")
  Review review(@PathVariable long id) {
    return reviews.get(id, actor.viewer());
  }
}
