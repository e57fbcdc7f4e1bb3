package pmo.risk;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import pmo.issue.IssueLog;
import pmo.project.ProjectFactSource;

/**
 * Facts about a project's risks and issues for decisions on the whole project (gate reviews): openRisks,
 * assessedRisks (open risks with probability and impact), openCriticalRisksWithoutResponse, openIssues,
 * openCriticalIssues.
 */
@Component
class RiskFacts implements ProjectFactSource {

  private final RiskRegister risks;
  private final IssueLog issues;

  RiskFacts(RiskRegister risks, IssueLog issues) {
    this.risks = risks;
    this.issues = issues;
  }

  @Override
  public Map<String, Object> factsFor(long projectId) {
    Map<String, Object> facts = new LinkedHashMap<>(risks.facts(projectId));
    long[] open = issues.openCounts(projectId);
    facts.put("openIssues", open[0]);
    facts.put("openCriticalIssues", open[1]);
    return facts;
  }
}
