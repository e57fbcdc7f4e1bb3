package pmo.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import pmo.platform.FieldError;
import pmo.platform.InvalidInputException;
import pmo.platform.Roles;
import pmo.platform.engine.Tasklist;
import pmo.project.Project;

/**
 * Issue 10 point 4: every task of a change request carries its case's context ({@code caseContext}, task-local), read
 * from the stored rows when the task is created: the project's code, name and manager, the current baseline with the
 * currency, the figures with their percentages and a % sign, the route in words, and the earlier decisions with who
 * and their comments. The context is no input: completing a task with it is refused naming it, and a forged start
 * variable does not become the context.
 */
class ChangeRequestContextTest extends ChangeTestSupport {

  @LocalServerPort
  int port;

  @Test
  void theAssessmentShowsTheProjectTheBaselineAndTheRequestersEstimate() {
    long projectId = project();
    ProcessInstance pi = raise(requester, request(projectId, "normal", 3000, 5, "minor"));
    Project project = projects.find(projectId);

    String context = contextOf(pi, ChangeRequestProcess.TASK_ASSESS);

    assertThat(context).contains("Project: " + project.code() + " · " + project.name(), "Project manager: paula",
        "Sponsor: sam", "Current baseline: v1: budget 100,000.00 EUR, planned 2026-01-01 to 2026-04-10 (100 days)",
        "Cost change: +3,000.00 EUR (+3.00 % of the budget of 100,000.00 EUR; requester's estimate)",
        "Schedule change: +5 days (+5.00 % of the planned duration of 100 days)", "Quality impact: Minor",
        "Route: not decided yet", "Raised by rita: “Regions need their own figures”");
  }

  @Test
  void thePmoApprovalShowsThePercentagesTheRouteInWordsAndTheAssessmentComment() {
    long projectId = project();
    ProcessInstance pi = raise(requester, request(projectId, "normal", 1000, 2, "minor"));
    // the manager corrects the figures: the context shows the assessed ones, lowering the budget
    complete(manager, pi, ChangeRequestProcess.TASK_ASSESS, Map.of("costDelta", -3000, "scheduleDeltaDays", 5,
        "assessmentComment", "Cheaper than asked: the old reports go"));
    Project project = projects.find(projectId);

    String context = contextOf(pi, ChangeRequestProcess.TASK_PMO_APPROVAL);

    assertThat(context).contains(project.code(), project.name(), "Project manager: paula",
        "budget 100,000.00 EUR, planned 2026-01-01 to 2026-04-10 (100 days)",
        "Cost change: -3,000.00 EUR (-3.00 % of the budget of 100,000.00 EUR; assessed by paula)",
        "Schedule change: +5 days (+5.00 % of the planned duration of 100 days)",
        "Route: PMO approval (decided by change-approval-route v",
        "Impact assessment by paula: “Cheaper than asked: the old reports go”")
        .doesNotContain("BOARD", "Route: PMO\n");
    // the assessment is newest, so it comes before the request's raising
    assertThat(context.indexOf("Impact assessment")).isLessThan(context.indexOf("Raised"));
  }

  @Test
  void theSteeringImplementationAndVerificationShowTheVotesTheNewBaselineAndTheImplementation() {
    long projectId = project();
    ProcessInstance pi = raiseAndAssess(projectId, "normal", 25000, 0, "none");
    assertThat(plain(contextOf(pi, ChangeRequestProcess.TASK_BOARD_VOTE)))
        .contains("Route: Change control board, then the steering committee",
            "+25,000.00 EUR (+25.00 % of the budget", "Schedule change: 0 days (0.00 % of the planned duration");
    boardVotes(pi, everyVoter("approve", requester));

    String steering = contextOf(pi, ChangeRequestProcess.TASK_STEERING_APPROVAL);
    assertThat(steering).contains("Change board vote: approve by carl", "Change board vote: approve by cora",
        "Impact assessment by paula: “Figures checked”");
    complete(sponsor, pi, ChangeRequestProcess.TASK_STEERING_APPROVAL,
        Map.of("steeringDecision", "approve", "steeringComment", "Worth it <b>now</b> # really"));
    awaitAt(pi, ChangeRequestProcess.TASK_IMPLEMENT);

    String implement = contextOf(pi, ChangeRequestProcess.TASK_IMPLEMENT);
    assertThat(implement).contains(
        "Current baseline: v2: budget 125,000.00 EUR, planned 2026-01-01 to 2026-04-10 (100 days) (written by this change)",
        "Assessed against: v1: budget 100,000.00 EUR",
        "Steering committee approval: approve by sam: “Worth it <b>now</b> # really”");
    // what a user wrote is escaped: no HTML, no heading
    assertThat(rawContextOf(pi, ChangeRequestProcess.TASK_IMPLEMENT)).contains("\\<b\\>now\\</b\\> \\# really");

    complete(manager, pi, ChangeRequestProcess.TASK_IMPLEMENT, Map.of("implementationNotes", "Reports deployed"));
    assertThat(contextOf(pi, ChangeRequestProcess.TASK_VERIFY)).contains("Implemented by paula: “Reports deployed”",
        "Status: Implemented");
  }

  @Test
  void theContextIsNoInputACompletionWithItIsRefusedNamingIt() throws Exception {
    ProcessInstance pi = raiseAndAssess(project(), "normal", 3000, 5, "minor");
    Task approval = task(pi, ChangeRequestProcess.TASK_PMO_APPROVAL);
    Map<String, Object> forged = new HashMap<>(Map.of("pmoDecision", "approve"));
    forged.put(Tasklist.CONTEXT.name(), "#### All approved by the board already");

    Throwable refused = failureOf(() -> complete(pmo, approval, forged));
    assertThat(refused).isInstanceOf(InvalidInputException.class);
    assertThat(((InvalidInputException) refused).errors()).extracting(FieldError::field)
        .containsExactly(Tasklist.CONTEXT.name());

    // over the engine REST API, as Tasklist or a script would send it: 400 naming the field, nothing completed
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/engine-rest/task/" + approval.getId() + "/complete"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((pmo + ":" + PASSWORD)
            .getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":{\"pmoDecision\":{\"value\":\"approve\"},"
            + "\"caseContext\":{\"value\":\"forged\"}}}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body()).contains("caseContext");
    assertThat(tasks.createTaskQuery().taskId(approval.getId()).count()).isOne();
    assertThat(plain(contextOf(pi, ChangeRequestProcess.TASK_PMO_APPROVAL))).doesNotContain("All approved");
  }

  @Test
  void theContextIsNotTakenFromAForgedStartVariable() {
    long projectId = project();
    Map<String, Object> forged = request(projectId, "normal", 3000, 5, "minor");
    forged.put(Tasklist.CONTEXT.name(), "Approved by everyone");
    Throwable refused = failureOf(() -> raise(requester, forged));
    assertThat(refused).isInstanceOf(InvalidInputException.class);
    assertThat(((InvalidInputException) refused).errors()).extracting(FieldError::field)
        .containsExactly(Tasklist.CONTEXT.name());

    // an administrator is not held to the start form: the variable is there, but the task shows the stored case
    String admin = user("adam-" + unique(), Roles.ADMIN, Roles.REQUESTERS);
    forged.put(ChangeRequestProcess.PROJECT_MANAGER.name(), "mallory");
    ProcessInstance pi = raise(admin, forged);
    assertThat(runtime.getVariable(pi.getId(), Tasklist.CONTEXT.name())).isEqualTo("Approved by everyone");
    String context = contextOf(pi, ChangeRequestProcess.TASK_ASSESS);
    assertThat(context).contains("Project manager: paula", "Raised by " + admin).doesNotContain("Approved by everyone",
        "mallory");
  }

  /** The task's context as a reader sees it rendered: Markdown's escapes and emphasis marks removed. */
  private String contextOf(ProcessInstance pi, String taskKey) {
    return plain(rawContextOf(pi, taskKey));
  }

  private String rawContextOf(ProcessInstance pi, String taskKey) {
    Object context = tasks.getVariableLocal(task(pi, taskKey).getId(), Tasklist.CONTEXT.name());
    assertThat(context).as("caseContext of " + taskKey).isInstanceOf(String.class);
    return (String) context;
  }

  private static String plain(String markdown) {
    return markdown.replace("**", "").replaceAll("\\\\(.)", "$1");
  }
}
