package pmo.portfolio;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import pmo.platform.Viewer;
import pmo.platform.engine.FormOptions;

/**
 * The levels a scoring form's criterion offers ({@code valuesKey: "scoreOptions_<criterion id>"}, the intake screening
 * form): "1 – anchor" … "5 – anchor" from the scoring model's configuration, values "1" … "5". Put into the form each
 * time it is fetched ({@code FormPickers}), like the other pickers, rather than held as five JSON process variables of
 * every proposal (each written three times with its byte array, read back and deleted: 58 of an approved intake's
 * 504 statements in the throughput benchmark, issue 15). The criteria and their anchors are configuration, the same
 * for every reader.
 */
@Component
class ScoringLevels implements FormOptions {

  static final String PREFIX = "scoreOptions_";

  private final ScoringModels models;

  ScoringLevels(ScoringModels models) {
    this.models = models;
  }

  @Override
  public Set<String> keys() {
    return models.configured().criteria().stream().map(c -> PREFIX + c.id()).collect(Collectors.toSet());
  }

  @Override
  public List<Option> options(String key, Viewer user) {
    return criterion(key).map(ScoringForm::levels).orElse(List.of());
  }

  private Optional<Criterion> criterion(String key) {
    return models.configured().criteria().stream().filter(c -> key.equals(PREFIX + c.id())).findFirst();
  }
}
