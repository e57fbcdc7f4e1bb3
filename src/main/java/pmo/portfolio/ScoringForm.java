package pmo.portfolio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import pmo.platform.engine.Var;

/**
 * The criteria fields of a scoring form (the intake screening form): {@code score_<id>}, a select whose options
 * ({@code scoreOptions_<id>}) carry each level's anchor text from the model in force. Declared from the model, as the
 * criteria are configuration.
 */
public final class ScoringForm {

  private ScoringForm() {
  }

  static Var<String> score(Criterion criterion) {
    return Var.text(criterion.field());
  }

  static Var<List<Var.Option>> options(Criterion criterion) {
    return Var.options("scoreOptions_" + criterion.id());
  }

  /** "1 – No link to a strategic objective" ... "5 – ...", values 1..5. */
  static List<Var.Option> levels(Criterion criterion) {
    List<Var.Option> levels = new ArrayList<>();
    for (int level = 1; level <= 5; level++) {
      levels.add(new Var.Option(level + " – " + criterion.anchors().get(level - 1), String.valueOf(level)));
    }
    return levels;
  }

  /** Offers the model's levels and shows the current scores, if any. */
  static void offer(VariableScope scope, ScoringModel model, Map<String, Integer> current) {
    for (Criterion c : model.criteria()) {
      options(c).set(scope, levels(c));
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
