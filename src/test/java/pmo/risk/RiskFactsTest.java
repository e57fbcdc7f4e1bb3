package pmo.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pmo.issue.CaseProcessTest;
import pmo.issue.IssueProcess;
import pmo.project.ProjectFactSource;
import pmo.project.ProjectFacts;

/** The facts a gate review reads about a project's risks and issues, counted from rows in every state. */
class RiskFactsTest extends CaseProcessTest {

  @Autowired
  List<ProjectFactSource> sources;
  @Autowired
  RiskRegister register;

  @Test
  void factsCountOnlyOpenRisksAndIssuesOfTheProject() {
    long projectId = newProject();
    long otherProject = newProject();
    ProjectFactSource facts = sources.stream().filter(RiskFacts.class::isInstance).findFirst().orElseThrow();
    assertThat(facts.addTo(ProjectFacts.NONE, projectId)).isEqualTo(ProjectFacts.NONE);

    raiseRisk(projectId, null, null);                                   // open, not assessed
    raiseRisk(projectId, 4, 4);                                         // open, critical, no response yet
    raiseRisk(projectId, 5, 5);                                         // open, critical, no response yet
    ProcessInstance planned = raiseRisk(projectId, 5, 4);               // open, critical, response planned
    complete(owner, planned.getId(), Map.of("responseStrategy", "mitigate", "responsePlan", "Dual sourcing",
        "dueDate", today().plusDays(9).toString()));
    ProcessInstance closed = raiseRisk(projectId, 2, 2);                // closed: not open
    complete(owner, closed.getId(), Map.of("responseStrategy", "accept", "responsePlan", "Watch", "dueDate",
        today().toString()));
    awaitTask(closed.getId(), RiskProcess.TASK_REPORT_RESIDUAL);
    complete(owner, closed.getId(), Map.of("residualOutcome", "reassessed", "probability", 1, "impact", 1));
    raiseRisk(otherProject, 5, 5);                                      // another project

    raiseIssue(projectId, "critical");
    raiseIssue(projectId, "high");
    ProcessInstance resolved = raiseIssue(projectId, "critical");       // resolved: not open
    complete(manager, resolved.getId(), Map.of("severity", "critical", "owner", owner, "needsChange", false));
    complete(owner, resolved.getId(), Map.of("resolution", "Fixed"));
    raiseIssue(otherProject, "critical");

    assertThat(facts.addTo(ProjectFacts.NONE, projectId)).isEqualTo(ProjectFacts.NONE.withRisks(4, 3, 2)
        .withIssues(2, 1));
    assertThat(facts.addTo(ProjectFacts.NONE, otherProject)).isEqualTo(ProjectFacts.NONE.withRisks(1, 1, 1)
        .withIssues(1, 1));
  }

  private ProcessInstance raiseRisk(long projectId, Integer probability, Integer impact) {
    Map<String, Object> vars = new java.util.HashMap<>(Map.of("projectId", projectId, "title", "Fact " + unique(),
        "category", "TECHNICAL", "owner", owner));
    if (probability != null) {
      vars.put("probability", probability);
      vars.put("impact", impact);
    }
    return startForUser(pmo, RiskProcess.KEY, vars);
  }

  private ProcessInstance raiseIssue(long projectId, String severity) {
    actAs(requester);
    try {
      return runtime.startProcessInstanceByKey(IssueProcess.KEY, Map.of("projectId", projectId, "title",
          "Fact issue " + unique(), "severity", severity, "owner", owner));
    } finally {
      identityService.clearAuthentication();
    }
  }
}
