package pmo.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import pmo.IntegrationTest;
import pmo.platform.Roles;
import pmo.project.NewProject;
import pmo.project.ProjectService;
import pmo.project.Stage;

/**
 * The audit trail's hash chain: intact after real activity; changing one event's content, reordering two events or
 * removing one is reported at exactly that event. The tampering happens in a transaction that is rolled back, so the
 * shared test database stays intact; that transaction holds the sealing lock, so the chain stays still meanwhile.
 */
class AuditChainTest extends IntegrationTest {

  @Autowired
  AuditTrail trail;
  @Autowired
  ProjectService projects;
  @Autowired
  AuditSealer sealer;
  @Autowired
  TransactionTemplate transaction;

  long projectId;

  @BeforeEach
  void activity() {
    user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    projectId = projects.register(new NewProject(null, "Chain " + unique(), null, "sam", null, "IT", null,
        BigDecimal.TEN, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 1), "scope")).project().id();
    projects.moveToStage(projectId, Stage.PLANNING);
    sealer.sealNow();
  }

  @Test
  void chainIsIntactAfterRealActivity() {
    ChainReport report = trail.verify();
    assertThat(report.intact()).as(String.valueOf(report)).isTrue();
    assertThat(report.checked()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void changedContentIsFoundAtThatEvent() {
    long seq = seqOf("PROJECT_STAGE_CHANGED");
    ChainReport report = tampered(() -> jdbc.sql("update audit_event set after_state = :x where seq = :seq")
        .param("x", "{\"stage\":\"EXECUTION\"}").param("seq", seq).update());
    assertThat(report.intact()).isFalse();
    assertThat(report.firstBrokenSeq()).isEqualTo(seq);
    assertThat(report.reason()).startsWith("content changed");
    assertThat(report.checked()).isEqualTo(seq - 1);
  }

  @Test
  void changedActorWithARecomputedHashBreaksTheLinkOfTheNextEvent() {
    long seq = seqOf("PROJECT_REGISTERED");
    ChainReport report = tampered(() -> {
      AuditEvent e = jdbc.sql("select * from audit_event where seq = :seq").param("seq", seq)
          .query(AuditEvent.class).single();
      String forged = AuditHash.of(e.seq(), e.occurredAt(), "mallory", e.action(), e.entityType(), e.entityId(),
          e.projectId(), e.beforeState(), e.afterState(), e.processInstanceId(), e.taskId(), e.prevHash());
      jdbc.sql("update audit_event set actor = 'mallory', hash = :hash where seq = :seq")
          .param("hash", forged).param("seq", seq).update();
    });
    assertThat(report.firstBrokenSeq()).isEqualTo(seq + 1);
    assertThat(report.reason()).startsWith("link broken");
  }

  @Test
  void reorderedEventsAreFoundWhereTheOrderChanges() {
    long seq = seqOf("PROJECT_REGISTERED");
    ChainReport report = tampered(() -> {
      jdbc.sql("update audit_event set seq = -1 where seq = :seq").param("seq", seq).update();
      jdbc.sql("update audit_event set seq = :seq where seq = :next").param("seq", seq).param("next", seq + 1)
          .update();
      jdbc.sql("update audit_event set seq = :next where seq = -1").param("next", seq + 1).update();
    });
    assertThat(report.firstBrokenSeq()).isEqualTo(seq);
    assertThat(report.reason()).startsWith("link broken");
  }

  @Test
  void removedEventIsFoundAsAGap() {
    long seq = seqOf("PROJECT_REGISTERED");
    ChainReport report = tampered(() -> jdbc.sql("delete from audit_event where seq = :seq").param("seq", seq)
        .update());
    assertThat(report.firstBrokenSeq()).isEqualTo(seq + 1);
    assertThat(report.reason()).startsWith("sequence gap");
  }

  @Test
  void removedLastEventIsFoundThroughTheChainHead() {
    ChainReport report = tampered(() -> jdbc.sql(
        "delete from audit_event where seq = (select last_seq from audit_chain_head where id = 1)").update());
    assertThat(report.intact()).isFalse();
    assertThat(report.reason()).contains("are missing: the chain head records");
  }

  private long seqOf(String action) {
    return jdbc.sql("select seq from audit_event where entity_type = 'PROJECT' and entity_id = :id and action = :a")
        .param("id", String.valueOf(projectId)).param("a", action).query(Long.class).single();
  }

  /** Tampers, verifies the whole chain inside the same transaction, then rolls the tampering back. */
  private ChainReport tampered(Runnable tampering) {
    return transaction.execute(status -> {
      await().until(sealer::lockChain);
      tampering.run();
      ChainReport report = trail.verify();
      status.setRollbackOnly();
      return report;
    });
  }
}
