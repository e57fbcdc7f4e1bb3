package pmo.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import pmo.IntegrationTest;
import pmo.platform.AuditEntry;

/**
 * Incremental verification: an intact verification records a checkpoint (up to which event, its hash, when, by whom);
 * the next one starts after it and walks only what was sealed since. A change after the checkpoint, or to the
 * checkpoint's own event, is found by the incremental walk; a change before it only by the full one. Tampering happens
 * in a rolled-back transaction that holds the sealing lock, as in {@link AuditChainTest}.
 */
class AuditVerificationTest extends IntegrationTest {

  @Autowired
  AuditService audit;
  @Autowired
  AuditTrail trail;
  @Autowired
  AuditSealer sealer;
  @Autowired
  TransactionTemplate transaction;

  @BeforeEach
  void sealed() {
    record("VERIFICATION_TESTED");
    sealer.sealNow();
  }

  @Test
  void verificationStartsAfterTheLastCheckpointAndRecordsANewOne() {
    ChainReport full = trail.verify();
    assertThat(full.intact()).as(String.valueOf(full)).isTrue();
    assertThat(full.full()).isTrue();
    assertThat(full.since()).isZero();
    Map<String, Object> checkpoint = lastCheckpoint();
    assertThat(checkpoint).containsEntry("verified_seq", full.checked()).containsEntry("full_walk", true)
        .containsEntry("verified_by", "system")
        .containsEntry("verified_hash", hashOf(full.checked()));

    long first = seqOf(record("VERIFICATION_TESTED"));
    long last = seqOf(record("VERIFICATION_TESTED"));
    ChainReport incremental = trail.verifyIncrementally();
    assertThat(incremental.intact()).as(String.valueOf(incremental)).isTrue();
    assertThat(incremental.full()).isFalse();
    assertThat(incremental.since()).isEqualTo(full.checked());
    assertThat(incremental.checked()).isGreaterThanOrEqualTo(last);
    assertThat(incremental.since()).as("only the events after the checkpoint were walked").isLessThan(first);
    assertThat(lastCheckpoint()).containsEntry("verified_seq", incremental.checked())
        .containsEntry("full_walk", false);

    ChainReport nothingNew = trail.verifyIncrementally();
    assertThat(nothingNew.intact()).isTrue();
    assertThat(nothingNew.since()).isEqualTo(nothingNew.checked());
  }

  @Test
  void aChangeAfterTheCheckpointIsFoundIncrementally() {
    trail.verify();
    long seq = seqOf(record("VERIFICATION_TESTED"));
    ChainReport report = tampered(() -> jdbc.sql("update audit_event set after_state = '{}' where seq = :seq")
        .param("seq", seq).update(), false);
    assertThat(report.intact()).isFalse();
    assertThat(report.firstBrokenSeq()).isEqualTo(seq);
    assertThat(report.reason()).startsWith("content changed");
  }

  @Test
  void aChangedOrRemovedCheckpointEventIsFoundIncrementally() {
    long checkpoint = trail.verify().checked();
    ChainReport changed = tampered(() -> jdbc.sql("update audit_event set actor = 'mallory' where seq = :seq")
        .param("seq", checkpoint).update(), false);
    assertThat(changed.firstBrokenSeq()).isEqualTo(checkpoint);
    assertThat(changed.reason()).startsWith("checkpoint changed");

    ChainReport removed = tampered(() -> jdbc.sql("delete from audit_event where seq = :seq")
        .param("seq", checkpoint).update(), false);
    assertThat(removed.firstBrokenSeq()).isEqualTo(checkpoint);
    assertThat(removed.reason()).startsWith("checkpoint missing");
  }

  @Test
  void aChangeBeforeTheCheckpointIsLeftToTheFullVerification() {
    long seq = seqOf(record("VERIFICATION_TESTED"));
    record("VERIFICATION_TESTED");
    trail.verify();
    Runnable tampering = () -> jdbc.sql("update audit_event set after_state = '{}' where seq = :seq")
        .param("seq", seq).update();

    assertThat(tampered(tampering, false).intact()).isTrue();
    ChainReport full = tampered(tampering, true);
    assertThat(full.intact()).isFalse();
    assertThat(full.firstBrokenSeq()).isEqualTo(seq);
  }

  @Test
  void anIntactWalkInsideARolledBackTransactionLeavesNoCheckpoint() {
    long before = (Long) lastCheckpoint().getOrDefault("verified_seq", 0L);
    record("VERIFICATION_TESTED");
    ChainReport report = tampered(() -> { }, false);
    assertThat(report.intact()).isTrue();
    assertThat(report.checked()).isGreaterThan(before);
    assertThat((Long) lastCheckpoint().getOrDefault("verified_seq", 0L)).isEqualTo(before);
  }

  private String record(String action) {
    String key = unique();
    transaction.executeWithoutResult(status -> audit.record(AuditEntry.created(new TestAction(action, "AUDIT_TEST"),
        key, null, Map.of("key", key))));
    sealer.sealNow();
    return key;
  }

  private long seqOf(String key) {
    return jdbc.sql("select seq from audit_event where entity_type = 'AUDIT_TEST' and entity_id = :key")
        .param("key", key).query(Long.class).single();
  }

  private String hashOf(long seq) {
    return jdbc.sql("select hash from audit_event where seq = :seq").param("seq", seq).query(String.class).single();
  }

  private Map<String, Object> lastCheckpoint() {
    return jdbc.sql("select verified_seq, verified_hash, full_walk, verified_by from audit_checkpoint"
        + " order by verified_seq desc, id desc limit 1").query().listOfRows().stream().findFirst().orElse(Map.of());
  }

  /** Tampers, verifies (in full or from the checkpoint) in the same transaction, then rolls it all back. */
  private ChainReport tampered(Runnable tampering, boolean full) {
    return transaction.execute(status -> {
      await().until(sealer::lockChain);
      tampering.run();
      ChainReport report = trail.verify(full);
      status.setRollbackOnly();
      return report;
    });
  }
}
