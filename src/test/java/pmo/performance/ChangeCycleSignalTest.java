package pmo.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pmo.change.ChangeRequestProcess;
import pmo.platform.Roles;
import pmo.project.Project;

/**
 * The change request cycle time a status report carries: requests that passed their outcome step count, from their
 * creation to the end of that step; requests still in approval do not; all read in one history query.
 */
class ChangeCycleSignalTest extends PerformanceTestSupport {

  @Autowired
  ProjectSignals signals;

  @Test
  void decidedRequestsCountAndOpenOnesDoNot() {
    Project project = project();
    String requester = user("cr-" + unique(), Roles.REQUESTERS);
    assertThat(signals.of(project.id()).changeCycleDays()).as("no requests yet").isNull();

    ProcessInstance decided = raiseAndAssess(requester, project);
    ProcessInstance open = raiseAndAssess(requester, project);
    assertThat(signals.of(project.id()).changeCycleDays()).as("none decided yet").isNull();

    complete(pmo, decided.getId(), Map.of("pmoDecision", "approve", "pmoComment", "Fine"));
    await().atMost(Duration.ofSeconds(30)).until(() -> engine.getTaskService().createTaskQuery()
        .processInstanceId(decided.getId()).taskDefinitionKey(ChangeRequestProcess.TASK_IMPLEMENT).count() == 1);

    BigDecimal days = signals.of(project.id()).changeCycleDays();
    assertThat(days).as("one decided request, minutes old").isNotNull().isBetween(BigDecimal.ZERO, new BigDecimal("0.01"));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(open.getId()).count())
        .isEqualTo(1);
  }

  private ProcessInstance raiseAndAssess(String requester, Project project) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("projectId", project.id());
    vars.put("title", "Cycle " + unique());
    vars.put("description", "Add a report");
    vars.put("reason", "Needed");
    vars.put("changeType", "normal");
    vars.put("costDelta", 3000);
    vars.put("scheduleDeltaDays", 5);
    vars.put("scopeChange", "A report");
    vars.put("qualityImpact", "minor");
    vars.put("riskNotes", "None");
    ProcessInstance pi = start(requester, ChangeRequestProcess.KEY, vars);
    complete(pm, pi.getId(), Map.of("assessmentComment", "Figures checked"));
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(ChangeRequestProcess.TASK_PMO_APPROVAL).count()).isEqualTo(1);
    return pi;
  }
}
