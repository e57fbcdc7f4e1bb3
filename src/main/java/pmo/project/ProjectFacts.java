package pmo.project;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the capabilities know about one project, for decisions about the whole project (the must-meet criteria of a gate,
 * processes/gate-criteria.dmn): one type with named fields instead of a map of names. A fact no capability gives keeps
 * its default, which means "none recorded": 0 for counts, false for what must be shown.
 *
 * @param charterApproved the project charter is ticked in the latest G1 package
 * @param acceptanceSigned the sponsor's acceptance is ticked in the latest G3 package
 * @param baselineSet the current baseline has a budget above 0
 * @param openRisks open risks
 * @param assessedRisks open risks with probability and impact
 * @param openCriticalRisksWithoutResponse open critical risks without a response plan
 * @param openIssues open issues
 * @param openCriticalIssues open critical issues
 * @param openChangeRequests change requests not rejected, closed or cancelled
 * @param managerTrained the project's manager holds a valid completion of every course of the current standard
 *     (pmo.improvement.training)
 */
public record ProjectFacts(boolean charterApproved, boolean acceptanceSigned, boolean baselineSet, long openRisks,
    long assessedRisks, long openCriticalRisksWithoutResponse, long openIssues, long openCriticalIssues,
    long openChangeRequests, boolean managerTrained) {

  /** Nothing recorded. */
  public static final ProjectFacts NONE = new ProjectFacts(false, false, false, 0, 0, 0, 0, 0, 0, false);

  /** The facts as the decision table's inputs, by their names. */
  public Map<String, Object> asVariables() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("charterApproved", charterApproved);
    v.put("baselineSet", baselineSet);
    v.put("openRisks", openRisks);
    v.put("assessedRisks", assessedRisks);
    v.put("openCriticalRisksWithoutResponse", openCriticalRisksWithoutResponse);
    v.put("openIssues", openIssues);
    v.put("openCriticalIssues", openCriticalIssues);
    v.put("openChangeRequests", openChangeRequests);
    v.put("acceptanceSigned", acceptanceSigned);
    v.put("managerTrained", managerTrained);
    return v;
  }

  public ProjectFacts withDeliverables(boolean charter, boolean acceptance) {
    return new ProjectFacts(charter, acceptance, baselineSet, openRisks, assessedRisks,
        openCriticalRisksWithoutResponse, openIssues, openCriticalIssues, openChangeRequests, managerTrained);
  }

  public ProjectFacts withBaselineSet(boolean set) {
    return new ProjectFacts(charterApproved, acceptanceSigned, set, openRisks, assessedRisks,
        openCriticalRisksWithoutResponse, openIssues, openCriticalIssues, openChangeRequests, managerTrained);
  }

  public ProjectFacts withRisks(long open, long assessed, long criticalWithoutResponse) {
    return new ProjectFacts(charterApproved, acceptanceSigned, baselineSet, open, assessed, criticalWithoutResponse,
        openIssues, openCriticalIssues, openChangeRequests, managerTrained);
  }

  public ProjectFacts withIssues(long open, long critical) {
    return new ProjectFacts(charterApproved, acceptanceSigned, baselineSet, openRisks, assessedRisks,
        openCriticalRisksWithoutResponse, open, critical, openChangeRequests, managerTrained);
  }

  public ProjectFacts withOpenChangeRequests(long open) {
    return new ProjectFacts(charterApproved, acceptanceSigned, baselineSet, openRisks, assessedRisks,
        openCriticalRisksWithoutResponse, openIssues, openCriticalIssues, open, managerTrained);
  }

  public ProjectFacts withManagerTrained(boolean trained) {
    return new ProjectFacts(charterApproved, acceptanceSigned, baselineSet, openRisks, assessedRisks,
        openCriticalRisksWithoutResponse, openIssues, openCriticalIssues, openChangeRequests, trained);
  }
}
