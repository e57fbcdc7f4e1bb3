package pmo.intake;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pmo.platform.Roles;

/**
 * Demo profile only: two proposals in flight, so Tasklist has work at once: one waiting for PMO screening (olga,
 * oscar), one screened and waiting for its sponsor (sam, or the steering committee).
 */
@Component
@Profile("demo")
@Order(11)
class DemoProposals implements ApplicationRunner {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final JdbcClient jdbc;

  DemoProposals(RuntimeService runtime, TaskService tasks, IdentityService identity, JdbcClient jdbc) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (jdbc.sql("select count(*) from project_proposal").query(Long.class).single() > 0) {
      return;
    }
    propose("rita", "Supplier portal", "Suppliers upload invoices themselves", 380_000, 10);
    ProcessInstance screened = propose("rob", "Energy monitoring", "Meters in every building; cut energy use", 150_000,
        6);
    identity.setAuthentication("olga", List.of(Roles.PMO));
    try {
      String task = tasks.createTaskQuery().processInstanceId(screened.getId()).singleResult().getId();
      tasks.claim(task, "olga");
      tasks.complete(task, Map.of(IntakeProcess.SCREENING_DECISION.name(), "complete",
          IntakeProcess.SCREENING_COMMENT.name(), "Complete and in line with the energy strategy"));
    } finally {
      identity.clearAuthentication();
    }
  }

  private ProcessInstance propose(String requester, String title, String businessCase, int budget, int months) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(IntakeProcess.TITLE.name(), title);
    vars.put(IntakeProcess.BUSINESS_CASE.name(), businessCase);
    vars.put(IntakeProcess.SPONSOR.name(), "sam");
    vars.put(IntakeProcess.CATEGORY.name(), "IT");
    vars.put(IntakeProcess.ESTIMATED_BUDGET.name(), budget);
    vars.put(IntakeProcess.ESTIMATED_MONTHS.name(), months);
    vars.put(IntakeProcess.STRATEGIC_OBJECTIVE.name(), "Lower operating cost");
    vars.put(IntakeProcess.EXPECTED_BENEFITS.name(), "Less manual work");
    identity.setAuthentication(requester, List.of(Roles.REQUESTERS));
    try {
      return runtime.startProcessInstanceByKey(IntakeProcess.KEY, vars);
    } finally {
      identity.clearAuthentication();
    }
  }
}
