package pmo.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import pmo.IntegrationTest;
import pmo.platform.Roles;
import pmo.platform.engine.Tasklist;

/**
 * Issue 10 point 4 for project intake: the screening, revision and sponsor tasks carry the proposal's context
 * ({@code caseContext}, task-local), read from the stored proposal when the task is created.
 */
class IntakeContextTest extends IntegrationTest {

  @Test
  void theScreeningAndTheRevisionShowTheProposalItsBudgetInEurosAndWhyItWasSentBack() {
    String requester = user("rita", Roles.REQUESTERS);
    String screener = user("olga", Roles.REQUESTERS, Roles.PMO);
    user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    String title = "Context robots " + unique();
    ProcessInstance pi = start(requester, IntakeProcess.KEY, Proposals.startVariables(title, "sam"));

    assertThat(context(pi)).contains("PRP-", title, "Requested by: rita", "Sponsor: sam",
        "Estimated budget: 250,000.00 EUR", "Estimated duration: 9 months", "Status: Submitted", "Raised by rita");

    Task screening = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    actAs(screener);
    engine.getTaskService().claim(screening.getId(), screener);
    engine.getTaskService().complete(screening.getId(), Map.of("screeningDecision", "moreInfo", "screeningComment",
        "Add the cost of training"));
    identityService.clearAuthentication();

    assertThat(context(pi)).contains("Status: Sent back", "Last decision (Sent back): “Add the cost of training”");
  }

  private String context(ProcessInstance pi) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    Object context = engine.getTaskService().getVariableLocal(task.getId(), Tasklist.CONTEXT.name());
    assertThat(context).as("caseContext").isInstanceOf(String.class);
    return ((String) context).replace("**", "").replaceAll("\\\\(.)", "$1");
  }
}
