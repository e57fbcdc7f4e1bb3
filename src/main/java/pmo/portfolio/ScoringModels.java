package pmo.portfolio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The scoring model in force. At start it checks the configured criteria ({@link ScoringModel#problems}) against the
 * scoring forms and refuses to start with a broken model, naming every fault. Afterwards the model is the configured
 * one with the weights of the steering committee's latest pairwise comparison, if any ({@link Weightings}).
 */
@Component
public class ScoringModels {

  /** The forms in which the PMO scores: every criterion must be a field {@code score_<id>} of each. */
  static final List<String> SCORING_FORMS = List.of("forms/project-intake-screen.form",
      "forms/portfolio-review-propose.form");

  private final PortfolioSettings settings;
  private final WeightingRepository weightings;
  private final ScoringModel configured;

  ScoringModels(PortfolioSettings settings, WeightingRepository weightings) {
    this.settings = settings;
    this.weightings = weightings;
    Map<String, Set<String>> fields = new LinkedHashMap<>();
    for (String form : SCORING_FORMS) {
      fields.put(form, scoreFields(form));
    }
    List<String> problems = new java.util.ArrayList<>(ScoringModel.problems(settings.criteria(), fields));
    if (settings.alignmentCriterion() != null
        && settings.criteria().stream().noneMatch(c -> settings.alignmentCriterion().equals(c.id()))) {
      problems.add("alignment-criterion '" + settings.alignmentCriterion() + "' is no criterion");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("The portfolio scoring model (pmo.portfolio.criteria in config/application.yaml)"
          + " is broken:\n- " + String.join("\n- ", problems));
    }
    this.configured = ScoringModel.of(settings.criteria(), "configuration");
  }

  /**
   * The model in force: configured criteria, weights from the latest pairwise comparison when there is one for the
   * same criteria (read each time: one row, and every node of a cluster agrees at once).
   */
  public ScoringModel current() {
    return weightings.latest().filter(w -> w.weights().keySet().equals(ids()))
        .map(w -> configured.withWeights(w.weights(), "pairwise comparison " + w.id()))
        .orElse(configured);
  }

  private Set<String> ids() {
    return configured.criteria().stream().map(Criterion::id).collect(java.util.stream.Collectors.toSet());
  }

  ScoringModel configured() {
    return configured;
  }

  String alignmentCriterion() {
    return settings.alignmentCriterion() == null ? configured.criteria().get(0).id() : settings.alignmentCriterion();
  }

  /** The {@code score_...} fields anywhere in a form (also inside a dynamic list). */
  static Set<String> scoreFields(String form) {
    try (InputStream in = new ClassPathResource(form).getInputStream()) {
      Set<String> keys = new TreeSet<>();
      collect(new ObjectMapper().readTree(in), keys);
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the scoring form " + form, e);
    }
  }

  private static void collect(JsonNode node, Set<String> keys) {
    for (JsonNode component : node.path("components")) {
      String key = component.path("key").asText("");
      if (key.startsWith(ScoringModel.FIELD_PREFIX)) {
        keys.add(key);
      }
      collect(component, keys);
    }
  }

  /** A recorded pairwise weighting. */
  record Weighting(long id, Map<String, BigDecimal> weights) {
  }
}
