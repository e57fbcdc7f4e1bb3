package pmo.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import pmo.IntegrationTest;
import pmo.platform.AuditEntry;

/**
 * Sealing: recording an event commits it unsealed, waiting for no other transaction; the sealer chains committed
 * events afterwards, so an event whose transaction commits late is chained after those sealed meanwhile. Between
 * commit and sealing the verification reports the event as unsealed (not verified, not broken), and as overdue once it
 * waits too long. A failure inside a batch rolls the whole batch back and the next run seals those events; while
 * another sealer holds the lock this one leaves the events to it; the background thread is a daemon, survives a
 * database outage and ends at stop.
 *
 * <p>Each test stops the application's sealer (its last run seals what is pending), so nothing seals behind the
 * test's back, and starts it again afterwards.
 */
class AuditSealingTest extends IntegrationTest {

  @Autowired
  AuditService audit;
  @Autowired
  AuditTrail trail;
  @Autowired
  AuditSealer sealer;
  @Autowired
  AuditSettings settings;
  @Autowired
  TransactionTemplate transaction;
  @Autowired
  DataSource dataSource;
  @Autowired
  PlatformTransactionManager transactions;

  @BeforeEach
  void stopTheSealer() {
    sealer.stop();
  }

  @AfterEach
  void startTheSealer() {
    sealer.start();
  }

  @Test
  void anEventCommittedButNotSealedIsReportedAsUnsealedUntilTheSealerChainsIt() {
    long id = record("SEALING_PENDING");
    assertThat(seqOf(id)).isNull();

    ChainReport pending = trail.verify();
    assertThat(pending.intact()).as(String.valueOf(pending)).isTrue();
    assertThat(pending.unsealed()).isGreaterThanOrEqualTo(1);
    assertThat(pending.oldestUnsealedAt()).isNotNull();
    assertThat(pending.sealingOverdue()).isFalse();
    assertThat(pending.checked()).as("the unsealed event is not among the verified ones").isEqualTo(headSeq());

    assertThat(sealer.sealNow()).isGreaterThanOrEqualTo(1);
    AuditEvent sealed = event(id);
    assertThat(sealed.seq()).isEqualTo(headSeq());
    assertThat(sealed.hash()).hasSize(64);
    assertThat(sealed.hash()).isEqualTo(AuditHash.of(sealed.seq(), sealed.occurredAt(), sealed.actor(),
        sealed.action(), sealed.entityType(), sealed.entityId(), sealed.projectId(), sealed.beforeState(),
        sealed.afterState(), sealed.processInstanceId(), sealed.taskId(), sealed.prevHash()));
    ChainReport after = trail.verify();
    assertThat(after.intact()).as(String.valueOf(after)).isTrue();
    assertThat(after.checked()).isEqualTo(sealed.seq());
    assertThat(after.unsealed()).isZero();
  }

  @Test
  void recordingWaitsForNoOtherTransactionAndALateCommitIsChainedAfterwards() throws Exception {
    String lateKey = unique();
    CountDownLatch recorded = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    CompletableFuture<Void> late = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
      audit.record(AuditEntry.created(new TestAction("SEALING_LATE_COMMIT", "AUDIT_TEST"), lateKey, null,
          Map.of("key", lateKey)));
      recorded.countDown();
      try {
        commit.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
    long early;
    try {
      assertThat(recorded.await(30, TimeUnit.SECONDS)).isTrue();
      early = CompletableFuture.supplyAsync(() -> record("SEALING_EARLY_COMMIT")).get(10, TimeUnit.SECONDS);
      sealer.sealNow();
      assertThat(seqOf(early)).as("sealed while the other transaction is still open").isNotNull();
    } finally {
      commit.countDown();
    }
    late.get(30, TimeUnit.SECONDS);
    long lateId = jdbc.sql("select id from audit_event where entity_type = 'AUDIT_TEST' and entity_id = :key")
        .param("key", lateKey).query(Long.class).single();
    assertThat(lateId).as("recorded first").isLessThan(early);
    assertThat(seqOf(lateId)).isNull();

    sealer.sealNow();
    assertThat(seqOf(lateId)).as("committed last, chained last").isGreaterThan(seqOf(early));
    assertThat(trail.verify().intact()).isTrue();
  }

  @Test
  void anEventLeftUnsealedLongerThanTheThresholdIsFlagged() {
    OffsetDateTime longAgo = OffsetDateTime.now(ZoneOffset.UTC).minus(settings.sealing().overdueAfter())
        .minusMinutes(1).truncatedTo(ChronoUnit.MICROS);
    int inserted = transaction.execute(status -> jdbc.sql("""
            insert into audit_event (occurred_at, actor, action, entity_type, entity_id)
            values (:at, 'system', 'SEALING_LATE', 'AUDIT_TEST', :key)""")
        .param("at", longAgo).param("key", unique()).update());
    assertThat(inserted).isEqualTo(1);

    ChainReport late = trail.verify();
    assertThat(late.intact()).isTrue();
    assertThat(late.sealingOverdue()).as(String.valueOf(late)).isTrue();
    assertThat(late.oldestUnsealedAt()).isAtSameInstantAs(longAgo);

    sealer.sealNow();
    ChainReport sealed = trail.verifyIncrementally();
    assertThat(sealed.intact()).isTrue();
    assertThat(sealed.sealingOverdue()).isFalse();
    assertThat(sealed.unsealed()).isZero();
  }

  @Test
  void aFailureInsideABatchRollsTheWholeBatchBackAndTheNextRunSealsThoseEvents() {
    List<Long> ids = List.of(record("SEALING_CRASHED"), record("SEALING_CRASHED"), record("SEALING_CRASHED"));
    long head = headSeq();
    AtomicLong sealedInsideTheBatch = new AtomicLong();
    AuditSealer crashing = new AuditSealer(dataSource, transactions, settings) {
      @Override
      void moveHead(long fromSeq, long toSeq, String toHash) {
        super.moveHead(fromSeq, toSeq, toHash);
        sealedInsideTheBatch.set(jdbc.sql("select count(*) from audit_event where id in (:ids) and seq is not null")
            .param("ids", ids).query(Long.class).single());
        throw new IllegalStateException("crashed after writing the batch");
      }
    };

    assertThatThrownBy(crashing::sealNow).hasMessage("crashed after writing the batch");
    assertThat(sealedInsideTheBatch.get()).as("the batch had sealed the events and moved the head").isEqualTo(3);
    assertThat(ids).allSatisfy(id -> assertThat(seqOf(id)).isNull());
    assertThat(headSeq()).isEqualTo(head);
    assertThat(trail.verify().intact()).isTrue();

    assertThat(sealer.sealNow()).isGreaterThanOrEqualTo(3);
    assertThat(ids.stream().map(this::seqOf).toList()).doesNotContainNull().isSorted();
    ChainReport report = trail.verify();
    assertThat(report.intact()).as(String.valueOf(report)).isTrue();
    assertThat(report.unsealed()).isZero();
  }

  @Test
  void whileAnotherSealerHoldsTheLockThisOneLeavesTheEventsToIt() throws Exception {
    long id = record("SEALING_ELSEWHERE");
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Boolean> otherNode = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
      boolean got = sealer.lockChain();
      locked.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return got;
    }));
    try {
      assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(sealer.sealNow()).isZero();
      assertThat(seqOf(id)).isNull();
    } finally {
      release.countDown();
    }
    assertThat(otherNode.get(30, TimeUnit.SECONDS)).as("the other sealer had the lock").isTrue();
    assertThat(sealer.sealNow()).isGreaterThanOrEqualTo(1);
    assertThat(seqOf(id)).isNotNull();
  }

  @Test
  void theBackgroundSealerIsADaemonSurvivesADatabaseOutageAndEndsAtStop() {
    await().until(() -> sealerThreads().isEmpty());
    AtomicBoolean down = new AtomicBoolean(true);
    DataSource flaky = new DelegatingDataSource(dataSource) {
      @Override
      public Connection getConnection() throws SQLException {
        if (down.get()) {
          throw new SQLTransientConnectionException("the database is down (test)");
        }
        return super.getConnection();
      }
    };
    AuditSealer other = new AuditSealer(flaky, new DataSourceTransactionManager(flaky), settings);
    other.start();
    try {
      assertThat(sealerThreads()).singleElement().satisfies(t -> assertThat(t.isDaemon()).isTrue());
      long id = record("SEALING_AFTER_OUTAGE");
      await().until(() -> other.consecutiveFailures() >= 3);
      assertThat(seqOf(id)).isNull();

      down.set(false);
      await().until(() -> seqOf(id) != null);
      await().until(() -> other.consecutiveFailures() == 0);
      assertThat(trail.verify().intact()).isTrue();
    } finally {
      other.stop();
    }
    assertThat(other.isRunning()).isFalse();
    await().atMost(java.time.Duration.ofSeconds(5)).until(() -> sealerThreads().isEmpty());
  }

  private long record(String action) {
    String key = unique();
    transaction.executeWithoutResult(status -> audit.record(AuditEntry.created(new TestAction(action, "AUDIT_TEST"),
        key, null, Map.of("key", key))));
    return jdbc.sql("select id from audit_event where entity_type = 'AUDIT_TEST' and entity_id = :key")
        .param("key", key).query(Long.class).single();
  }

  private AuditEvent event(long id) {
    return jdbc.sql("select * from audit_event where id = :id").param("id", id).query(AuditEvent.class).single();
  }

  private Long seqOf(long id) {
    return event(id).seq();
  }

  private long headSeq() {
    return jdbc.sql("select last_seq from audit_chain_head where id = 1").query(Long.class).single();
  }

  private static List<Thread> sealerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("audit-sealer") && t.isAlive()).toList();
  }
}
