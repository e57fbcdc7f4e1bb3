package pmo.portfolio.review;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.portfolio.PortfolioAccess;

/**
 * The portfolio reviews over REST, read-only (a review is worked in Tasklist): the list, by status and paged, and one
 * review with its rounds and decisions. Read by whoever reads the whole portfolio (the PMO, the steering committee,
 * auditors, administrators); anybody else 403, as for the rest of {@code /api/portfolio}.
 */
@RestController
@RequestMapping("/api/portfolio/reviews")
@PreAuthorize(PortfolioAccess.READERS)
class ReviewController {

  private final ReviewReads reviews;

  ReviewController(ReviewReads reviews) {
    this.reviews = reviews;
  }

  @GetMapping
  Page<ReviewReads.Summary> list(@RequestParam(required = false) ReviewStatus status,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
      @RequestParam(required = false) Long after) {
    return reviews.list(status, PageRequest.of(page, size, after));
  }

  @GetMapping("/{id}")
  ReviewReads.Details review(@PathVariable long id) {
    return reviews.get(id);
  }
}
