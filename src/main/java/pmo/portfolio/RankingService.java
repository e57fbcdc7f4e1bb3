package pmo.portfolio;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
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

  /**
   * Every candidate's sort key is read and ordered, then only the page's rows are read whole and weighed (the
   * contributions). Both reads see one snapshot, so the page's rows are the ones that were ordered.
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  RankingPage page(RankingRepository.Filter filter, PageRequest page) {
    ScoringModel model = models.current();
    String alignment = models.alignmentCriterion();
    List<Ranking.Key> keys = new ArrayList<>(rankings.keys(filter, model, alignment,
        RankKeys.key(model, alignment)));
    keys.sort(Ranking.ORDER);
    int from = (int) Math.min(keys.size(), page.offset());
    int to = Math.min(keys.size(), from + page.size());
    List<Ranking.Item> ranked = Ranking.items(rankings.rows(keys.subList(from, to)), model, from + 1);
    Page<Ranking.Item> items = Page.of(ranked, page, keys.size());
    return new RankingPage(model.version(), model.weightSource(), items.items(), items.page(), items.size(),
        items.total());
  }

  /** The whole ranking of running projects and open proposals (the review pack, the what-if). */
  @Transactional(readOnly = true)
  public List<Ranking.Item> all() {
    return Ranking.rank(rankings.rows(RankingRepository.Filter.ALL), models.current(),
        models.alignmentCriterion());
  }
}
