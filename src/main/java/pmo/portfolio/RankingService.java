package pmo.portfolio;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.platform.Page;
import pmo.platform.PageRequest;

/** The ranked portfolio under the model in force: filtered, ranked, paged. */
@Service
public class RankingService {

  private final RankingRepository rankings;
  private final ScoringModels models;

  RankingService(RankingRepository rankings, ScoringModels models) {
    this.rankings = rankings;
    this.models = models;
  }

  /** A page of the ranking, with the model version it was ranked under. */
  record RankingPage(String modelVersion, String weightSource, List<Ranking.Item> items, int page, int size,
      long total) {
  }

  @Transactional(readOnly = true)
  RankingPage page(RankingRepository.Filter filter, PageRequest page) {
    ScoringModel model = models.current();
    List<Ranking.Item> ranked = Ranking.rank(rankings.rows(filter), model, models.alignmentCriterion());
    int from = (int) Math.min(ranked.size(), page.offset());
    int to = Math.min(ranked.size(), from + page.size());
    Page<Ranking.Item> items = Page.of(ranked.subList(from, to), page, ranked.size());
    return new RankingPage(model.version(), model.weightSource(), items.items(), items.page(), items.size(),
        items.total());
  }

  /** The whole ranking of running projects and open proposals (the review pack, the what-if). */
  @Transactional(readOnly = true)
  public List<Ranking.Item> all() {
    return Ranking.rank(rankings.rows(new RankingRepository.Filter(null, null, null, null, null)), models.current(),
        models.alignmentCriterion());
  }
}
