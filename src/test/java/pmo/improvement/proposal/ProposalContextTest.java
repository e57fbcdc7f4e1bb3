package pmo.improvement.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import pmo.IntegrationTest;
import pmo.platform.Roles;
import pmo.platform.engine.Tasklist;

/**
 * Issue 10 point 4 for improvement proposals: the PMO's evaluation and the implementer's task carry the proposal's
 * context ({@code caseContext}, task-local), read from the stored proposal when the task is created: its reference,
 * problem, proposal and benefit, who proposed it, and the evaluation with its reason once decided.
 */
class ProposalContextTest extends IntegrationTest {

  @Test
  void theEvaluationShowsTheProposalAndTheImplementationShowsTheEvaluation() {
    String rita = user("rita-ipc", Roles.REQUESTERS);
    String olga = user("olga-ipc", Roles.REQUESTERS, Roles.PMO);
    String owen = user("owen-ipc", Roles.PROCESS_OWNERS);
    String title = "Context weekly slot " + unique();
    Map<String, Object> start = new HashMap<>(ImprovementProposalProcessTest.proposalVariables(title));
    ProcessInstance pi = start(rita, ImprovementProposalProcess.KEY, start);
    long id = jdbc.sql("select id from improvement_proposal where process_instance_id = :pi")
        .param("pi", pi.getId()).query(Long.class).single();

    assertThat(context(pi)).contains("IP-" + id + " · " + title, "Concerns: change-request",
        "Problem: Change requests wait days for the PMO", "Expected benefit: Two days less waiting",
        "Proposed by: " + rita, "Status: Submitted", "Proposed by " + rita);

    Map<String, Object> accept = new HashMap<>();
    accept.put("evaluation", "accept");
    accept.put("evaluationReason", "Worth trying");
    accept.put("implementer", owen);
    accept.put("implementBy", LocalDate.now().plusDays(20).toString());
    accept.put("points", 15);
    complete(olga, pi.getId(), accept);
    // the implementer's task follows an asynchronous step
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> engine.getTaskService().createTaskQuery()
        .processInstanceId(pi.getId()).count() == 1);

    assertThat(context(pi)).contains("Status: Accepted", "Implementer: " + owen,
        "Evaluated by the PMO by " + olga, "“Worth trying”");
  }

  private String context(ProcessInstance pi) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    Object context = engine.getTaskService().getVariableLocal(task.getId(), Tasklist.CONTEXT.name());
    assertThat(context).as("caseContext").isInstanceOf(String.class);
    return ((String) context).replace("**", "").replaceAll("\\\\(.)", "$1");
  }
}
