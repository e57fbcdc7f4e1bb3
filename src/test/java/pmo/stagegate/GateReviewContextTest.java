package pmo.stagegate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import pmo.platform.engine.Tasklist;
import pmo.project.Project;
import pmo.project.Rag;

/**
 * Issue 10 point 4 for gate reviews: the package and decision tasks carry the context of their project and gate
 * ({@code caseContext}, task-local), read from the stored project and gate rows when the task is created.
 */
class GateReviewContextTest extends LifecycleTestSupport {

  @Test
  void theBoardSeesTheProjectTheGateThePackageAndAnEarlierRecycleWithItsNotes() {
    long projectId = register("Context gate " + unique(), "120000");
    Project project = project(projectId);
    ProcessInstance g1 = gateReview(projectId);
    assertThat(context(g1)).contains("Project: " + project.code() + " · " + project.name(), "Project manager: paula",
        "Current baseline: v1: budget 120,000.00 EUR", "Gate: G1 · initiation to planning (Initiation → Planning)");

    complete(manager, g1, gatePackage(List.of("charter"), "First try", Rag.GREEN));
    assertThat(context(g1)).contains("Package: attempt 1, RAG Green, submitted by paula",
        "Must-meet criteria: all met", "Gate package G1, attempt 1 by paula: “First try”");
    Map<String, Object> recycle = decision("recycle", 3, 2, 3);
    recycle.put(GateReviewProcess.DECISION_NOTES.name(), "Add the stakeholder register");
    complete(office, g1, recycle);

    String rework = context(g1);
    assertThat(rework).contains("Gate decision G1: recycle by olga: “Add the stakeholder register”");
    complete(manager, g1, gatePackage(List.of("charter", "stakeholderRegister"), "With the register", Rag.AMBER));
    String board = context(g1);
    assertThat(board).contains("Package: attempt 2, RAG Amber", "Gate package G1, attempt 2 by paula: “With the register”",
        "Gate decision G1: recycle by olga");
    assertThat(board.indexOf("attempt 2 by paula")).as("newest first").isLessThan(board.indexOf("recycle by olga"));
  }

  private String context(ProcessInstance review) {
    String taskId = tasks.createTaskQuery().processInstanceId(review.getId()).singleResult().getId();
    Object context = tasks.getVariableLocal(taskId, Tasklist.CONTEXT.name());
    assertThat(context).as("caseContext").isInstanceOf(String.class);
    return ((String) context).replace("**", "").replaceAll("\\\\(.)", "$1");
  }
}
