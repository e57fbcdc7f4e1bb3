package pmo.stagegate;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import pmo.project.ProjectFactSource;

/**
 * Gathers what gate-criteria.dmn decides on: the facts of every {@link ProjectFactSource} of the application (this
 * capability's own, and those of the risk, issue and change capabilities), over explicit defaults for the facts the
 * decision table reads. A fact no source gives keeps its default, which means "none recorded": 0 for counts (no open
 * risks, issues or change requests known), false for what must be shown (charter approved, acceptance signed, budget
 * baseline set). Two sources giving the same fact is a programming error and stops the check.
 */
@Component
class GateFacts {

  /** The decision table's inputs and their defaults, in the table's column order. */
  static final Map<String, Object> DEFAULTS = defaults();

  private final List<ProjectFactSource> sources;

  GateFacts(List<ProjectFactSource> sources) {
    this.sources = sources;
  }

  Map<String, Object> collect(long projectId, Gate gate) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("gate", gate.name());
    facts.putAll(DEFAULTS);
    Map<String, String> givenBy = new HashMap<>();
    for (ProjectFactSource source : sources) {
      String name = source.getClass().getSimpleName();
      source.factsFor(projectId).forEach((fact, value) -> {
        String other = givenBy.putIfAbsent(fact, name);
        if (other != null) {
          throw new IllegalStateException("fact '" + fact + "' is given by both " + other + " and " + name);
        }
        if (value != null) {
          facts.put(fact, value);
        }
      });
    }
    return facts;
  }

  private static Map<String, Object> defaults() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("charterApproved", false);
    d.put("baselineSet", false);
    d.put("openRisks", 0);
    d.put("assessedRisks", 0);
    d.put("openCriticalRisksWithoutResponse", 0);
    d.put("openIssues", 0);
    d.put("openCriticalIssues", 0);
    d.put("openChangeRequests", 0);
    d.put("acceptanceSigned", false);
    return java.util.Collections.unmodifiableMap(d);
  }
}
