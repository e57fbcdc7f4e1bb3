package pmo.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pmo.IntegrationTest;
import pmo.change.ChangeRequestProcess;
import pmo.platform.Roles;
import pmo.platform.engine.Tasklist;
import pmo.project.NewProject;
import pmo.project.ProjectService;

/**
 * Four-eyes before the click (issue 10, point 2), in Tasklist in headless Chromium: a PMO member who raised a change
 * request does not find its PMO approval in any of her filters (another request's approval is there), and a claim or
 * completion she forges through Tasklist's own engine API is a readable 403, never a 500; another PMO member finds it
 * under the same filters, claims it and approves it through the form.
 */
class FourEyesInTasklistIT extends IntegrationTest {

  @LocalServerPort
  int port;
  @Autowired
  ProjectService projects;

  @Test
  void ownApprovalIsNotOfferedToTheRequesterAndAnotherPmoMemberApprovesIt() throws Exception {
    // the requester is in the PMO group herself, as the olga
    String requester = user("olga", Roles.REQUESTERS, Roles.PMO);
    String otherPmo = user("oscar", Roles.REQUESTERS, Roles.PMO);
    String colleague = user("rita", Roles.REQUESTERS);
    user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    String manager = user("pm-" + unique(), Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    long projectId = projects.register(new NewProject(null, "Four-eyes target " + unique(), "Changed in a browser",
        "sam", manager, "IT", "Digital customer experience", new BigDecimal("100000"), LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 4, 10), "Reporting hub")).project().id();

    // her own request, and a colleague's whose approval she may work: both a normal change of 1 %, routed to the PMO
    String own = raiseAndAssess(requester, manager, projectId, "Own change " + unique());
    String others = raiseAndAssess(colleague, manager, projectId, "Colleague's change " + unique());
    Task ownApproval = pmoApproval(own);
    Task othersApproval = pmoApproval(others);

    BrowserScenario.run("four-eyes-tasklist.js", port, Map.of("PASSWORD", PASSWORD,
        "REQUESTER", requester, "OTHER_PMO", otherPmo,
        "OWN_TASK", ownApproval.getId(), "OWN_PROCESS", own, "OWN_SUBJECT", subject(ownApproval),
        "OTHER_TASK", othersApproval.getId(), "OTHER_SUBJECT", subject(othersApproval)));

    Map<String, Object> row = jdbc.sql("select * from change_request where process_instance_id = :pi")
        .param("pi", own).query().singleRow();
    assertThat(row.get("requester")).isEqualTo(requester);
    assertThat(row.get("route")).isEqualTo("PMO");
    assertThat(row.get("status")).isEqualTo("APPROVED");
    Long id = ((Number) row.get("id")).longValue();
    assertThat(jdbc.sql("select approver || ' ' || stage || ' ' || decision || ' ' || comment from change_approval "
        + "where change_request_id = :id").param("id", id).query(String.class).list())
        .containsExactly(otherPmo + " PMO APPROVE Approved by another PMO member in the browser");
    assertThat(jdbc.sql("select count(*) from change_approval where approver = :u and change_request_id = :id")
        .param("u", requester).param("id", id).query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select actor from audit_event where entity_type = 'CHANGE_REQUEST' and entity_id = :id "
        + "order by id").param("id", id.toString()).query(String.class).list())
        .containsExactly(requester, manager, manager, otherPmo, otherPmo, otherPmo);

    // the engine's own history: the other PMO member claimed and completed the task; the requester never held it
    var history = engine.getHistoryService();
    HistoricTaskInstance approval = history.createHistoricTaskInstanceQuery().taskId(ownApproval.getId())
        .singleResult();
    assertThat(approval.getEndTime()).isNotNull();
    assertThat(approval.getAssignee()).isEqualTo(otherPmo);
    assertThat(history.createHistoricIdentityLinkLogQuery().taskId(ownApproval.getId()).userId(requester).count())
        .as("no assignment or candidacy of the requester").isZero();
    assertThat(history.createUserOperationLogQuery().taskId(ownApproval.getId()).userId(requester).count())
        .as("no claim or completion by the requester").isZero();
    assertThat(history.createUserOperationLogQuery().taskId(ownApproval.getId()).userId(otherPmo)
        .operationType("Claim").count()).isEqualTo(1);
    await().atMost(Duration.ofSeconds(30)).until(() -> engine.getTaskService().createTaskQuery()
        .processInstanceId(own).taskDefinitionKey(ChangeRequestProcess.TASK_IMPLEMENT).count() == 1);

    // the colleague's approval, which the requester was shown, is untouched and still waits for the PMO
    Task stillOpen = engine.getTaskService().createTaskQuery().taskId(othersApproval.getId()).singleResult();
    assertThat(stillOpen).isNotNull();
    assertThat(stillOpen.getAssignee()).isNull();
  }

  /** Raises a normal change of 1,000 (1 % of the budget) as `user`; the project manager assesses it. */
  private String raiseAndAssess(String user, String manager, long projectId, String title) {
    Map<String, Object> request = new HashMap<>();
    request.put(ChangeRequestProcess.PROJECT_ID.name(), projectId);
    request.put(ChangeRequestProcess.TITLE.name(), title);
    request.put(ChangeRequestProcess.DESCRIPTION.name(), "Add the regional sales reports");
    request.put(ChangeRequestProcess.REASON.name(), "Regions need their own figures");
    request.put(ChangeRequestProcess.CHANGE_TYPE.name(), "normal");
    request.put(ChangeRequestProcess.COST_DELTA.name(), 1000);
    request.put(ChangeRequestProcess.SCHEDULE_DELTA_DAYS.name(), 0);
    request.put(ChangeRequestProcess.SCOPE_CHANGE.name(), "Regional sales reports");
    request.put(ChangeRequestProcess.QUALITY_IMPACT.name(), "none");
    request.put(ChangeRequestProcess.RISK_NOTES.name(), "Data quality of the regional feeds");
    String processInstance = start(user, ChangeRequestProcess.KEY, request).getId();
    complete(manager, processInstance, Map.of(ChangeRequestProcess.ASSESSMENT_COMMENT.name(), "Figures checked"));
    return processInstance;
  }

  private Task pmoApproval(String processInstance) {
    await().atMost(Duration.ofSeconds(30)).until(() -> engine.getTaskService().createTaskQuery()
        .processInstanceId(processInstance).taskDefinitionKey(ChangeRequestProcess.TASK_PMO_APPROVAL).count() == 1);
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstance)
        .taskDefinitionKey(ChangeRequestProcess.TASK_PMO_APPROVAL).singleResult();
  }

  /** What the task's card shows as Subject (the case's reference and title). */
  private String subject(Task task) {
    String subject = Tasklist.SUBJECT.get(engine.getTaskService().getVariablesLocal(task.getId()));
    assertThat(subject).as("the subject of task " + task.getId()).isNotBlank();
    return subject;
  }
}
