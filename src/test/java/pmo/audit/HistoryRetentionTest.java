package pmo.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pmo.IntegrationTest;
import pmo.intake.IntakeProcess;
import pmo.intake.Proposals;
import pmo.platform.Roles;

/**
 * Engine history cleanup removes a finished process's history once its removal time has passed, and never touches
 * the audit trail: the domain events of that process stay, and the hash chain stays intact.
 */
class HistoryRetentionTest extends IntegrationTest {

  @Autowired
  HistoryService history;
  @Autowired
  AuditTrail trail;

  @Test
  void historyCleanupRemovesEngineHistoryButKeepsTheAuditTrail() {
    user("rita", Roles.REQUESTERS);
    user("olga", Roles.REQUESTERS, Roles.PMO);
    user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    ProcessInstance pi = start("rita", IntakeProcess.KEY, Proposals.startVariables("Retention " + unique(), "sam"));
    complete("olga", pi.getId(), Map.of("screeningDecision", "reject", "screeningComment", "No"));
    complete("rita", pi.getId(), Map.of());

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
        .getRemovalTime()).as("removal time = end + the process's historyTimeToLive (10 years)")
        .isAfter(java.sql.Date.valueOf(LocalDate.now().plusYears(9)));
    long auditEvents = jdbc.sql("select count(*) from audit_event where process_instance_id = :pi")
        .param("pi", pi.getId()).query(Long.class).single();
    assertThat(auditEvents).isGreaterThanOrEqualTo(4);

    // as if the ten years had passed
    Date longAgo = java.sql.Date.valueOf(LocalDate.of(2000, 1, 1));
    history.setRemovalTimeToHistoricProcessInstances().absoluteRemovalTime(longAgo).byIds(pi.getId())
        .executeAsync();
    await().atMost(Duration.ofSeconds(30)).until(() -> longAgo.equals(history.createHistoricProcessInstanceQuery()
        .processInstanceId(pi.getId()).singleResult().getRemovalTime()));
    history.cleanUpHistoryAsync(true);
    await().atMost(Duration.ofSeconds(30)).until(() -> history.createHistoricProcessInstanceQuery()
        .processInstanceId(pi.getId()).count() == 0);

    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(jdbc.sql("select count(*) from audit_event where process_instance_id = :pi").param("pi", pi.getId())
        .query(Long.class).single()).isEqualTo(auditEvents);
    assertThat(trail.verify().intact()).isTrue();
  }
}
