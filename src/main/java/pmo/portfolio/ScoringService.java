package pmo.portfolio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;
import pmo.platform.InputErrors;
import pmo.platform.Viewer;
import pmo.platform.engine.CurrentActor;

/**
 * Scoring projects and proposals under the model in force: checked (every criterion of the model, each a whole number
 * from 1 to 5, nothing else), recorded with who, when, the scores, a comment and the model version, audited; the
 * latest scoring is the current one. Scores come from REST, the intake screening form and the portfolio review.
 */
@Service
public class ScoringService {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final int MAX_COMMENT = 2000;

  private final ScoreRepository scores;
  private final ScoringModels models;
  private final Subjects subjects;
  private final PortfolioAccess access;
  private final AuditLog audit;
  private final CurrentActor actor;
  private final Clock clock;
  private final RankKeys rankKeys;

  ScoringService(ScoreRepository scores, ScoringModels models, Subjects subjects, PortfolioAccess access,
      AuditLog audit, CurrentActor actor, Clock clock, RankKeys rankKeys) {
    this.scores = scores;
    this.rankKeys = rankKeys;
    this.models = models;
    this.subjects = subjects;
    this.access = access;
    this.audit = audit;
    this.actor = actor;
    this.clock = clock;
  }

  /** Where a scoring came from. */
  public enum Source {
    REST, SCREENING, REVIEW
  }

  /** A scoring with its weighted score and each criterion's contribution under the model it was given under. */
  public record Scoring(long id, String reference, Map<String, Integer> scores, BigDecimal weightedScore,
      List<ScoringModel.Contribution> contributions, String modelVersion, boolean current, String comment,
      Source source, String scoredBy, OffsetDateTime scoredAt) {
  }

  /**
   * Records a scoring. {@code given} maps criterion ids to what was submitted (numbers or their text); input errors
   * name {@code fieldOf(criterion id)}. Nothing is written when anything is wrong.
   */
  @Transactional
  public Scoring score(Subject subject, Map<String, ?> given, String comment, Source source,
      Function<String, String> fieldOf) {
    ScoringModel model = models.current();
    Map<String, Integer> checked = check(model, given, fieldOf);
    InputErrors errors = new InputErrors();
    errors.require(comment == null || comment.length() <= MAX_COMMENT, "comment",
        "must be at most " + MAX_COMMENT + " characters");
    errors.throwIfAny();
    Subjects.Info info = subjects.lockOpen(subject, "only running projects and proposals in intake are scored");
    ScoringModel.Weighted weighted = model.weigh(checked);
    long id = scores.insertCurrent(subject, json(checked), weighted.score(), model.version(),
        rankKeys.of(model, checked), comment == null || comment.isBlank() ? null : comment.trim(), source.name(), actor.id(),
        OffsetDateTime.now(clock));
    Scoring scoring = view(scores.get(id), info.reference(), model);
    audit.record(AuditEntry.created(PortfolioAudit.SCORED, id, projectOf(subject), scoring));
    return scoring;
  }

  /** Checks submitted scores against the model: every criterion, whole numbers 1..5, no unknown criterion. */
  public static Map<String, Integer> check(ScoringModel model, Map<String, ?> given, Function<String, String> fieldOf) {
    InputErrors errors = new InputErrors();
    Map<String, Integer> checked = new LinkedHashMap<>();
    String known = String.join(", ", model.criteria().stream().map(Criterion::id).toList());
    if (given != null) {
      given.keySet().stream().filter(id -> model.criterion(id).isEmpty()).sorted()
          .forEach(id -> errors.add(fieldOf.apply(id), "is no criterion of the scoring model (" + known + ")"));
    }
    for (Criterion c : model.criteria()) {
      Object value = given == null ? null : given.get(c.id());
      String field = fieldOf.apply(c.id());
      if (value == null || value.toString().isBlank()) {
        errors.add(field, "is required (" + c.name() + ")");
        continue;
      }
      BigDecimal number;
      try {
        number = new BigDecimal(value.toString().trim());
      } catch (NumberFormatException e) {
        errors.add(field, "must be a whole number from 1 to 5, not '" + value + "'");
        continue;
      }
      if (number.stripTrailingZeros().scale() > 0 || number.compareTo(BigDecimal.ONE) < 0
          || number.compareTo(BigDecimal.valueOf(5)) > 0) {
        errors.add(field, "must be a whole number from 1 to 5, not " + number.stripTrailingZeros().toPlainString()
            + " (" + c.name() + ")");
      } else {
        checked.put(c.id(), number.intValueExact());
      }
    }
    errors.throwIfAny();
    return checked;
  }

  /** Every scoring of a project or proposal the viewer may read, newest first. */
  @Transactional(readOnly = true)
  public List<Scoring> history(Subject subject, Viewer viewer) {
    Subjects.Info info = subjects.find(subject).orElseThrow(() -> new pmo.platform.NotFoundException(
        subject.kind().name().toLowerCase(), subject.id()));
    access.requireRead(subject, viewer);
    ScoringModel model = models.current();
    return scores.history(subject).stream().map(row -> view(row, info.reference(), model)).toList();
  }

  /** The current scores of a subject (criterion id → 1..5), if it has been scored. */
  @Transactional(readOnly = true)
  public Optional<Map<String, Integer>> current(Subject subject) {
    return scores.history(subject).stream().filter(ScoreRepository.Row::isCurrent).findFirst()
        .map(row -> parse(row.scores()));
  }

  private Scoring view(ScoreRepository.Row row, String reference, ScoringModel model) {
    Map<String, Integer> given = parse(row.scores());
    ScoringModel.Weighted now = model.weigh(given);
    return new Scoring(row.id(), reference, given, row.weightedScore(), now.contributions(), row.modelVersion(),
        row.isCurrent(), row.comment(), Source.valueOf(row.source()), row.scoredBy(), row.scoredAt());
  }

  private static Long projectOf(Subject subject) {
    return subject.kind() == Subject.Kind.PROJECT ? subject.id() : null;
  }

  public static Map<String, Integer> parse(String json) {
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Integer>>() { });
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable scores " + json, e);
    }
  }

  public static String json(Map<String, Integer> scores) {
    try {
      return JSON.writeValueAsString(scores);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
