package pmo.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;
import pmo.platform.InvalidInputException;
import pmo.platform.engine.CurrentActor;

/**
 * The steering committee's pairwise comparison of the criteria (the analytic hierarchy process): a reciprocal 1–9
 * matrix in the model's criterion order gives the weights (principal eigenvector), which replace the configured ones
 * from then on; the consistency ratio is reported, with a warning above 0.1. Audited.
 */
@Service
class Weightings {

  private final WeightingRepository weightings;
  private final ScoringModels models;
  private final AuditLog audit;
  private final CurrentActor actor;
  private final Clock clock;
  private final RankKeys rankKeys;

  Weightings(WeightingRepository weightings, ScoringModels models, AuditLog audit, CurrentActor actor, Clock clock,
      RankKeys rankKeys) {
    this.rankKeys = rankKeys;
    this.weightings = weightings;
    this.models = models;
    this.audit = audit;
    this.actor = actor;
    this.clock = clock;
  }

  /** The answer: the weights, λmax, CI, CR, whether the judgements are consistent enough, and the new model. */
  record Derived(long id, List<String> criteria, Map<String, BigDecimal> weights, double lambdaMax,
      double consistencyIndex, double consistencyRatio, boolean consistent, String warning, String modelVersion) {
  }

  @Transactional
  Derived derive(double[][] matrix) {
    ScoringModel configured = models.configured();
    List<String> ids = configured.criteria().stream().map(Criterion::id).toList();
    var errors = Ahp.check(matrix, ids.size());
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    Ahp.Result result = Ahp.weigh(matrix);
    Map<String, BigDecimal> weights = new LinkedHashMap<>();
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < ids.size(); i++) {
      BigDecimal w = BigDecimal.valueOf(result.weights()[i]).setScale(4, RoundingMode.HALF_UP);
      weights.put(ids.get(i), w);
      sum = sum.add(w);
    }
    // rounding to 4 places may leave the sum a few ten-thousandths off 1: the largest weight takes the difference
    String largest = weights.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    weights.put(largest, weights.get(largest).add(BigDecimal.ONE.subtract(sum)));
    ScoringModel model = configured.withWeights(weights, "pairwise comparison");
    String warning = result.consistent() ? null : String.format(java.util.Locale.ROOT,
        "the consistency ratio is %.3f, above 0.1: the judgements contradict each other; review them", 
        result.consistencyRatio());
    long id = weightings.insert(ids, matrix, weights, result, model.version(), actor.id(), OffsetDateTime.now(clock));
    Derived derived = new Derived(id, ids, weights, result.lambdaMax(), result.consistencyIndex(),
        result.consistencyRatio(), result.consistent(), warning, model.version());
    audit.record(AuditEntry.created(PortfolioAudit.WEIGHTS_DERIVED, id, null, derived));
    // the new weights rank every current scoring anew: their stored sort keys follow in the same transaction
    rankKeys.refresh();
    return derived;
  }

  /** The model as the REST API shows it. */
  record ModelView(String version, String weightSource, String alignmentCriterion, List<Criterion> criteria,
      List<PortfolioSettings.Role> roles) {
  }

  ModelView view(PortfolioSettings settings) {
    ScoringModel model = models.current();
    return new ModelView(model.version(), model.weightSource(), models.alignmentCriterion(),
        new ArrayList<>(model.criteria()), settings.roles());
  }
}
