package pmo.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import pmo.issue.IssueProcess;

/**
 * An issue whose triage finds that it needs a change raises a change request for its project, in the triager's name,
 * waiting for the project manager's impact assessment; and when the request cannot be raised, the triage step fails
 * as a whole.
 */
class ChangeRequestFromIssueTest extends ChangeTestSupport {

  @Test
  void triageThatNeedsAChangeRaisesAChangeRequestAwaitingAssessment() {
    long projectId = project();
    ProcessInstance issue = raiseIssue(projectId, "Interface spec wrong " + unique());
    complete(manager, issue.getId(), triage(true, "Rework the interface: +3 weeks, +40k"));

    long issueId = jdbc.sql("select id from issue where process_instance_id = :pi").param("pi", issue.getId())
        .query(Long.class).single();
    List<ChangeRequest> raised = jdbc.sql("select id from change_request where project_id = :p")
        .param("p", projectId).query(Long.class).list().stream().map(changes::get).toList();
    assertThat(raised).singleElement().satisfies(cr -> {
      assertThat(cr.title()).startsWith("Issue I-" + issueId + ": Interface spec wrong");
      assertThat(cr.description()).isEqualTo("Rework the interface: +3 weeks, +40k");
      assertThat(cr.reason()).startsWith("Raised from issue I-" + issueId);
      assertThat(cr.requester()).isEqualTo(manager);
      assertThat(cr.status()).isEqualTo(ChangeStatus.SUBMITTED);
      assertThat(tasks.createTaskQuery().processInstanceId(cr.processInstanceId()).singleResult()
          .getTaskDefinitionKey()).isEqualTo(ChangeRequestProcess.TASK_ASSESS);
      assertThat(actions(cr)).containsExactly("CHANGE_REQUEST_RAISED by paula");
    });
    assertThat(tasks.createTaskQuery().processInstanceId(issue.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo(IssueProcess.TASK_RESOLVE);
  }

  @Test
  void whenTheChangeRequestCannotBeRaisedTheTriageFailsAsAWhole() {
    long projectId = project();
    ProcessInstance issue = raiseIssue(projectId, "Scope gap " + unique());
    // the project is cancelled meanwhile (and the issue with it): nothing may be raised for it any more
    String triage = tasks.createTaskQuery().processInstanceId(issue.getId()).singleResult().getId();
    jdbc.sql("update project set status = 'CANCELLED' where id = :id").param("id", projectId).update();

    actAs(manager);
    assertThat(failureOf(() -> tasks.complete(triage, triage(true, "Add the missing module"))))
        .hasMessageContaining("projectId");
    identityService.clearAuthentication();
    assertThat(jdbc.sql("select count(*) from change_request where project_id = :p").param("p", projectId)
        .query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from issue where process_instance_id = :pi and change_requested_at is not null")
        .param("pi", issue.getId()).query(Long.class).single()).isZero();
    assertThat(tasks.createTaskQuery().taskId(triage).count()).isEqualTo(1);
  }

  private ProcessInstance raiseIssue(long projectId, String title) {
    return start(requester, IssueProcess.KEY, Map.of("projectId", projectId, "title", title, "severity", "high",
        "owner", manager));
  }

  private Map<String, Object> triage(boolean needsChange, String changeDescription) {
    return Map.of("severity", "high", "owner", manager, "needsChange", needsChange,
        "changeDescription", changeDescription);
  }
}
