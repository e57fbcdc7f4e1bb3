package pmo.portfolio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import pmo.platform.engine.FormOptions;
import pmo.platform.engine.Var;

/**
 * The criteria fields of a scoring form (the intake screening form): {@code score_<id>}, a select whose options
 * ({@code valuesKey: scoreOptions_<id>}, filled in when the form is fetched: {@link ScoringLevels}) carry each level's
 * anchor text from the model's configuration. Declared from the model, as the criteria are configuration.
 */
public final class ScoringForm {

  private ScoringForm() {
  }

  static Var<String> score(Criterion criterion) {
    return Var.text(criterion.field());
  }

  /** "1 – No link to a strategic objective" ... "5 – ...", values 1..5. */
  static List<FormOptions.Option> levels(Criterion criterion) {
    List<FormOptions.Option> levels = new ArrayList<>();
    for (int level = 1; level <= 5; level++) {
      levels.add(new FormOptions.Option(level + " – " + criterion.anchors().get(level - 1), String.valueOf(level)));
    }
    return levels;
  }

  /** Shows the current scores, if any (the levels come with the form). */
  static void offer(VariableScope scope, ScoringModel model, Map<String, Integer> current) {
    for (Criterion c : model.criteria()) {
      Integer value = current.get(c.id());
      if (value != null) {
        score(c).set(scope, String.valueOf(value));
      }
    }
  }

  /** The scores submitted (criterion id → value); empty when none was given. */
  static Map<String, Object> submitted(VariableScope scope, ScoringModel model) {
    Map<String, Object> given = new HashMap<>();
    for (Criterion c : model.criteria()) {
      String value = score(c).get(scope);
      if (value != null) {
        given.put(c.id(), value);
      }
    }
    return given;
  }
}
