package pmo.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pmo.IntegrationTest;
import pmo.change.ChangeRequestProcess;
import pmo.intake.IntakeProcess;
import pmo.intake.Proposals;
import pmo.platform.PageRequest;
import pmo.platform.Roles;
import pmo.risk.RiskProcess;

/**
 * The tasks on a project's timeline are read in one query for all of the project's instances; they are exactly what the
 * engine's task query returns root by root (which the timeline falls back to when historic instance permissions are
 * enabled), called instances' tasks included.
 */
class ProjectTimelineTasksTest extends IntegrationTest {

  @Autowired
  ProjectTimeline timeline;
  @Autowired
  HistoryService history;
  @Autowired
  RepositoryService repository;
  @Autowired
  ObjectMapper json;
  @Autowired
  ProjectCases cases;

  @Test
  void theTasksOfAllInstancesInOneReadAreThoseOfTheEnginesTaskQueries() {
    String auditor = user("audrey", Roles.AUDITORS);
    user("rita", Roles.REQUESTERS);
    user("olga", Roles.REQUESTERS, Roles.PMO);
    user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    user("paula", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    // an intake that registers the project and starts its lifecycle, which calls the first gate review
    ProcessInstance intake = start("rita", IntakeProcess.KEY, Proposals.startVariables("Tasks " + unique(), "sam"));
    complete("olga", intake.getId(), Map.of("screeningDecision", "complete"));
    complete("sam", intake.getId(), Map.of("sponsorDecision", "approve", "projectManager", "paula",
        "plannedStart", LocalDate.now().plusDays(3).toString()));
    Awaitility.await().until(() -> engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(intake.getId()).count() == 0);
    long projectId = ((Number) history.createHistoricVariableInstanceQuery().processInstanceId(intake.getId())
        .variableName("projectId").singleResult().getValue()).longValue();
    // two more cases of the project, each waiting at its first task
    Map<String, Object> risk = new HashMap<>(Map.of("projectId", projectId, "title", "Timeline risk " + unique(),
        "description", "d", "category", "TECHNICAL", "cause", "c", "effect", "e", "owner", "paula"));
    start("rita", RiskProcess.KEY, risk);
    Map<String, Object> change = new HashMap<>(Map.of("projectId", projectId, "title", "Timeline change " + unique(),
        "description", "d", "reason", "r", "changeType", "normal", "costDelta", 3000, "scheduleDeltaDays", 2,
        "qualityImpact", "minor"));
    start("rita", ChangeRequestProcess.KEY, change);

    // the sealer numbers committed audit events shortly after (seq): both reads see the same events once it has
    Awaitility.await().until(() -> jdbc.sql("select count(*) from audit_event where project_id = :p and seq is null")
        .param("p", projectId).query(Long.class).single() == 0);
    actAs(auditor);
    List<TimelineEntry> oneRead = timeline.of(projectId, "TASK", PageRequest.of(0, 200)).items();
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<TimelineEntry> rootByRoot;
    configuration.setEnableHistoricInstancePermissions(true);
    try {
      rootByRoot = new ProjectTimeline(history, repository, engine, jdbc, json, cases)
          .of(projectId, "TASK", PageRequest.of(0, 200)).items();
    } finally {
      configuration.setEnableHistoricInstancePermissions(false);
    }

    // each task's name starts with its case's reference (PRP-n, the project's code for its gate review)
    assertThat(oneRead).extracting(entry -> entry.title().replaceFirst("^[A-Z]+-\\d+ ", ""))
        .contains("Screen proposal (completed)", "Approve as sponsor (completed)", "Submit gate package (open)");
    assertThat(oneRead).extracting(TimelineEntry::process)
        .anySatisfy(process -> assertThat(process).startsWith("Risk"))
        .anySatisfy(process -> assertThat(process).startsWith("Change request"));
    assertThat(oneRead).containsExactlyElementsOf(rootByRoot);
  }
}
