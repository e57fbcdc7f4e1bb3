package pmo.project;

import java.util.List;

/** A project with all its baseline versions, newest last. */
public record ProjectDetails(Project project, List<Baseline> baselines) {

  public Baseline currentBaseline() {
    return baselines.get(baselines.size() - 1);
  }
}
