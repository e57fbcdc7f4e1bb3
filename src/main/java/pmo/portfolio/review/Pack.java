package pmo.portfolio.review;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import pmo.portfolio.CapacityReport;

/**
 * What the PMO and the steering committee review, compiled when the review opens and kept with it: the ranking, the
 * capacity heat of the next 12 months, the stage, status and RAG of every running project and the facts (performance
 * figures, where a capability provides them) of those that need a decision, the open escalations, the proposals
 * waiting, and the committed what-if scenario if there is one, which makes the PMO's suggested decisions.
 */
record Pack(String compiledAt, String modelVersion, List<Ranked> ranking, CapacityReport capacity,
    List<ProjectState> projects, List<Escalation> escalations, List<Ranked> proposalsWaiting, ScenarioRef scenario) {

  record Ranked(int rank, String reference, long id, String kind, String name, String status, boolean scored,
      BigDecimal score, Map<String, Integer> scores) {
  }

  record ProjectState(String reference, long id, String name, String stage, String status, String rag,
      String manager, String sponsor, Map<String, Object> facts) {
  }

  record Escalation(String kind, long id, String project, String title, String status) {
  }

  /** The committed scenario: what it chooses and why it leaves each other candidate out. */
  record ScenarioRef(long id, String name, double objective, List<String> chosen, Map<String, String> leftOut) {
  }
}
