package pmo.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The PMO's scoring model in force: its criteria with their weights, where the weights come from (the configuration, or
 * the steering committee's pairwise comparison) and its version, a hash of all of it, which every score records. The
 * weighted score is S = Σ wᵢ·sᵢ with cost and risk criteria counted as 6 − sᵢ.
 */
public record ScoringModel(List<Criterion> criteria, String weightSource, String version) {

  public static final String FIELD_PREFIX = "score_";
  public static final int MAX_CRITERIA = 10;
  static final BigDecimal ONE = BigDecimal.ONE;
  private static final BigDecimal TOLERANCE = new BigDecimal("0.000001");

  /** A model of these criteria; its version is computed from them. */
  public static ScoringModel of(List<Criterion> criteria, String weightSource) {
    return new ScoringModel(List.copyOf(criteria), weightSource, versionOf(criteria));
  }

  /**
   * What is wrong with a list of criteria, one line each (empty when nothing): at most 10, ids unique and usable as
   * form keys, a name, a weight above 0, weights summing to 1, a direction, an anchor for each level 1 to 5; and every
   * criterion present in each scoring form ({@code formFields}: form name → its {@code score_...} fields), no form
   * scoring a criterion the model does not have.
   */
  public static List<String> problems(List<Criterion> criteria, Map<String, Set<String>> formFields) {
    List<String> problems = new ArrayList<>();
    if (criteria == null || criteria.isEmpty()) {
      return List.of("no criteria: the scoring model needs at least one");
    }
    if (criteria.size() > MAX_CRITERIA) {
      problems.add(criteria.size() + " criteria: at most " + MAX_CRITERIA + " are allowed");
    }
    Set<String> ids = new HashSet<>();
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < criteria.size(); i++) {
      Criterion c = criteria.get(i);
      String at = "criterion " + (i + 1) + (c.id() == null ? "" : " '" + c.id() + "'");
      if (c.id() == null || !c.id().matches("[a-zA-Z][a-zA-Z0-9]{0,39}")) {
        problems.add(at + ": the id must be a letter followed by up to 39 letters or digits");
      } else if (!ids.add(c.id())) {
        problems.add(at + ": the id is used twice");
      }
      if (c.name() == null || c.name().isBlank()) {
        problems.add(at + ": has no name");
      }
      if (c.weight() == null || c.weight().signum() <= 0 || c.weight().compareTo(ONE) > 0) {
        problems.add(at + ": the weight must be above 0 and at most 1, not " + c.weight());
      } else {
        sum = sum.add(c.weight());
      }
      if (c.direction() == null) {
        problems.add(at + ": has no direction (benefit, cost or risk)");
      }
      if (c.anchors().size() != 5 || c.anchors().stream().anyMatch(a -> a == null || a.isBlank())) {
        problems.add(at + ": needs an anchor text for each level 1 to 5, has " + c.anchors().size());
      }
    }
    if (sum.subtract(ONE).abs().compareTo(TOLERANCE) > 0) {
      problems.add("the weights sum to " + sum.stripTrailingZeros().toPlainString() + ", not 1");
    }
    formFields.forEach((form, fields) -> {
      for (Criterion c : criteria) {
        if (c.id() != null && !fields.contains(c.field())) {
          problems.add("criterion '" + c.id() + "' is not in the scoring form " + form + " (field " + c.field() + ")");
        }
      }
      fields.stream().filter(f -> criteria.stream().noneMatch(c -> f.equals(c.field()))).sorted()
          .forEach(f -> problems.add("the scoring form " + form + " has the field " + f + ", which is no criterion"));
    });
    return problems;
  }

  public Optional<Criterion> criterion(String id) {
    return criteria.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /** The weighted score of complete scores (criterion id → 1..5) and each criterion's contribution to it. */
  public Weighted weigh(Map<String, Integer> scores) {
    List<Contribution> contributions = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (Criterion c : criteria) {
      Integer score = scores.get(c.id());
      if (score == null) {
        contributions.add(new Contribution(c.id(), c.name(), c.weight(), c.direction(), null, null, BigDecimal.ZERO));
        continue;
      }
      int counted = c.direction().counted(score);
      BigDecimal part = c.weight().multiply(BigDecimal.valueOf(counted));
      contributions.add(new Contribution(c.id(), c.name(), c.weight(), c.direction(), score, counted,
          part.setScale(4, RoundingMode.HALF_UP)));
      total = total.add(part);
    }
    return new Weighted(total.setScale(4, RoundingMode.HALF_UP), contributions);
  }

  /** This model with other weights (criterion id → weight), from another source. */
  public ScoringModel withWeights(Map<String, BigDecimal> weights, String source) {
    return of(criteria.stream().map(c -> c.withWeight(weights.getOrDefault(c.id(), c.weight()))).toList(), source);
  }

  /** A weighted score and what each criterion contributes to it. */
  public record Weighted(BigDecimal score, List<Contribution> contributions) {
  }

  /**
   * One criterion's part of a weighted score: the score given (1–5; null when the scoring has none for it, as under
   * an older model), the score counted (6 − s for cost and risk) and weight × counted.
   */
  public record Contribution(String criterion, String name, BigDecimal weight, Direction direction, Integer score,
      Integer counted, BigDecimal contribution) {
  }

  private static String versionOf(List<Criterion> criteria) {
    StringBuilder text = new StringBuilder();
    for (Criterion c : criteria) {
      text.append(c.id()).append('|').append(c.name()).append('|')
          .append(c.weight() == null ? "" : c.weight().stripTrailingZeros().toPlainString()).append('|')
          .append(c.direction()).append('|').append(String.join("|", c.anchors())).append('\n');
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
