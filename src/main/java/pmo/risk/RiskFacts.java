package pmo.risk;

import org.springframework.stereotype.Component;
import pmo.issue.IssueLog;
import pmo.project.ProjectFactSource;
import pmo.project.ProjectFacts;

/** A project's open, assessed and unanswered critical risks, and its open and critical issues, for its facts. */
@Component
class RiskFacts implements ProjectFactSource {

  private final RiskRegister risks;
  private final IssueLog issues;

  RiskFacts(RiskRegister risks, IssueLog issues) {
    this.risks = risks;
    this.issues = issues;
  }

  @Override
  public ProjectFacts addTo(ProjectFacts facts, long projectId) {
    RiskRepository.OpenRisks open = risks.openRisks(projectId);
    IssueLog.OpenIssues openIssues = issues.openIssues(projectId);
    return facts.withRisks(open.open(), open.assessed(), open.criticalWithoutResponse())
        .withIssues(openIssues.open(), openIssues.critical());
  }
}
