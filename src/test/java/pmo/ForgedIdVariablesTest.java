package pmo;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import pmo.change.ChangeRequestProcess;
import pmo.intake.IntakeProcess;
import pmo.intake.Proposals;
import pmo.issue.IssueProcess;
import pmo.platform.Roles;
import pmo.platform.engine.Var;
import pmo.risk.RiskProcess;
import pmo.stagegate.GateReviewProcess;
import pmo.stagegate.LifecycleProcess;

/**
 * Every step ignores a forged id variable: the whole suite runs with {@link ForgedIdVariables} putting forged case ids
 * on every process instance; this test checks that they are really there while a case runs to its end, and that no
 * process declares a case-id variable any more for a step to read.
 */
class ForgedIdVariablesTest extends IntegrationTest {

  @Test
  void everyProcessInstanceCarriesForgedIdsAndItsCaseIsStillItsOwn() {
    user("rita", Roles.REQUESTERS);
    user("olga", Roles.REQUESTERS, Roles.PMO);
    user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    user("paula", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    ProcessInstance intake = start("rita", IntakeProcess.KEY, Proposals.startVariables("Forged ids " + unique(),
        "sam"));
    for (String name : ForgedIdVariables.NAMES) {
      assertThat(engine.getRuntimeService().getVariable(intake.getId(), name)).as(name)
          .isEqualTo(ForgedIdVariables.FORGED);
    }
    complete("olga", intake.getId(), Map.of("screeningDecision", "complete"));
    complete("sam", intake.getId(), Map.of("sponsorDecision", "approve", "projectManager", "paula",
        "plannedStart", java.time.LocalDate.now().plusDays(1).toString()));
    org.awaitility.Awaitility.await().until(() -> engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(intake.getId()).count() == 0);
    assertThat(jdbc.sql("select status from project_proposal where process_instance_id = :pi")
        .param("pi", intake.getId()).query(String.class).single()).isEqualTo("APPROVED");
    assertThat(jdbc.sql("select count(*) from project_proposal where id = :id")
        .param("id", ForgedIdVariables.FORGED).query(Long.class).single()).isZero();
  }

  @Test
  void noProcessDeclaresACaseIdVariable() throws IllegalAccessException {
    List<String> ids = new ArrayList<>();
    for (Class<?> process : List.of(IntakeProcess.class, ChangeRequestProcess.class, RiskProcess.class,
        IssueProcess.class, GateReviewProcess.class, LifecycleProcess.class)) {
      for (Field field : process.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof Var<?> variable) {
          ids.add(process.getSimpleName() + "." + variable.name());
        }
      }
    }
    // projectId is the start form's choice (and the lifecycle's input from the system); raisedFromRiskId is set by
    // the system when a risk materialises; no other id is read from a variable
    assertThat(ids).filteredOn(name -> name.endsWith("Id")).allMatch(name -> name.endsWith(".projectId")
        || name.endsWith(".raisedFromRiskId"));
    assertThat(ids).extracting(n -> n.substring(n.indexOf('.') + 1))
        .doesNotContainAnyElementsOf(ForgedIdVariables.NAMES);
  }
}
