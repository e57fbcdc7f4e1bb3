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
   * A page: the database orders the candidates by their stored sort keys and hands over the page's keys only; when a
   * candidate's key is of another model (a scoring given while the weights changed), every key is read and ordered here
   * instead, that row weighed from its scores. Then the page's rows are read whole and weighed (the contributions). All
   * reads see one snapshot, so the rows are the ones that were ordered.
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  RankingPage page(RankingRepository.Filter filter, PageRequest page) {
    ScoringModel model = models.current();
    String alignment = models.alignmentCriterion();
    String rankKey = RankKeys.key(model, alignment);
    RankingRepository.KeyPage keys = rankings.page(filter, rankKey, page.offset(), page.size())
        .orElseGet(() -> orderedHere(filter, model, alignment, rankKey, page));
    List<Ranking.Item> ranked = Ranking.items(rankings.rows(keys.keys()), model, (int) page.offset() + 1);
    Page<Ranking.Item> items = Page.of(ranked, page, keys.total());
    return new RankingPage(model.version(), model.weightSource(), items.items(), items.page(), items.size(),
        items.total());
  }

  private RankingRepository.KeyPage orderedHere(RankingRepository.Filter filter, ScoringModel model, String alignment,
      String rankKey, PageRequest page) {
    List<Ranking.Key> keys = new ArrayList<>(rankings.keys(filter, model, alignment, rankKey));
    keys.sort(Ranking.ORDER);
    int from = (int) Math.min(keys.size(), page.offset());
    int to = Math.min(keys.size(), from + page.size());
    return new RankingRepository.KeyPage(keys.subList(from, to), keys.size());
  }

  /** The whole ranking of running projects and open proposals (the review pack, the what-if). */
  @Transactional(readOnly = true)
  public List<Ranking.Item> all() {
    return Ranking.rank(rankings.rows(RankingRepository.Filter.ALL), models.current(),
        models.alignmentCriterion());
  }
}
